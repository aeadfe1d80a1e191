package com.acme.data.jpa;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.query.Procedure;
import org.springframework.data.repository.query.Param;

public interface OwnerRepository extends JpaRepository<Owner, Long> {

    List<Owner> findByLastName(String lastName);

    @Query("SELECT DISTINCT o FROM Owner o LEFT JOIN FETCH o.pets WHERE o.id = :id")
    Owner findWithPets(@Param("id") Long id);

    @Query(value = "SELECT * FROM owners o WHERE o.city = ?1", nativeQuery = true)
    List<Owner> inCity(String city);

    @Modifying
    @Query("UPDATE Owner o SET o.active = false WHERE o.lastSeen < :cutoff")
    int deactivate(@Param("cutoff") LocalDate cutoff);

    @Query("SELECT v FROM Visit v JOIN v.pet p WHERE p.owner.id = :ownerId")
    List<Visit> visitsOf(@Param("ownerId") Long ownerId);

    long countByLastNameStartingWith(String prefix);

    void deleteByLastName(String lastName);

    @Procedure("archive_owner")
    void archive(Long id);

    @Procedure(procedureName = "merge_owners")
    void merge(Long from, Long into);

    default Owner firstOrNull() {
        List<Owner> all = findAll();
        return all.isEmpty() ? null : all.get(0);
    }
}
