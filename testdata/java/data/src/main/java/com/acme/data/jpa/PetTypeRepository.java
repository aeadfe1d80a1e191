package com.acme.data.jpa;

import java.util.List;
import org.springframework.data.repository.Repository;

/** A bare Repository: only what it declares, reads. */
public interface PetTypeRepository extends Repository<PetType, Long> {
    List<PetType> findAll();
}
