package com.acme.data.jpa;

import com.acme.data.model.BaseEntity;
import java.util.List;
import java.util.Set;
import javax.persistence.Entity;
import javax.persistence.JoinColumn;
import javax.persistence.JoinTable;
import javax.persistence.ManyToMany;
import javax.persistence.ManyToOne;
import javax.persistence.OneToMany;

/** No @Table: Spring Boot's naming makes the table "pet". */
@Entity
public class Pet extends BaseEntity {
    private String name;

    @ManyToOne
    @JoinColumn(name = "owner_id")
    private Owner owner;

    @ManyToOne
    private PetType type;

    @ManyToMany
    @JoinTable(name = "pet_allergies", joinColumns = @JoinColumn(name = "pet_id"),
            inverseJoinColumns = @JoinColumn(name = "allergy_id"))
    private Set<Allergy> allergies;

    @OneToMany
    @JoinColumn(name = "pet_id")
    private List<Visit> visits;
}
