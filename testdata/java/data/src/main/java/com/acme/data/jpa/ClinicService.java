package com.acme.data.jpa;

import java.util.List;
import javax.persistence.EntityManager;
import javax.persistence.PersistenceContext;
import javax.persistence.StoredProcedureQuery;

/** JPA through an EntityManager. */
public class ClinicService {
    private static final String PETS_BY_TYPE = "SELECT p FROM Pet p WHERE p.type.name = :type";

    @PersistenceContext
    private EntityManager em;

    public List<Pet> petsOf(String lastName) {
        return em.createQuery("SELECT p FROM Pet p JOIN p.owner o WHERE o.lastName = :n", Pet.class)
                .setParameter("n", lastName)
                .getResultList();
    }

    public List<?> petsByType(String type) {
        return em.createQuery(PETS_BY_TYPE).setParameter("type", type).getResultList();
    }

    public List<?> types() {
        return em.createQuery("FROM PetType t ORDER BY t.name").getResultList();
    }

    public Number countAllergies() {
        return (Number) em.createNativeQuery("SELECT COUNT(*) FROM pet_allergies").getSingleResult();
    }

    public void register(Owner owner) {
        em.persist(owner);
    }

    public Vet update(Vet vet) {
        return em.merge(vet);
    }

    public void forget(Visit visit) {
        em.remove(visit);
    }

    public Specialty specialty(long id) {
        return em.find(Specialty.class, id);
    }

    public void rank() {
        StoredProcedureQuery q = em.createStoredProcedureQuery("rank_vets");
        q.execute();
    }

    public void remember(List<String> notes) {
        // Not an entity: a list's remove.
        notes.remove("x");
    }
}
