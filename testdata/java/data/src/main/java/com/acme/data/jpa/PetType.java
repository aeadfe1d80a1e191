package com.acme.data.jpa;

import com.acme.data.model.BaseEntity;
import javax.persistence.Entity;

/** Default naming of a camel-case name: pet_type. */
@Entity
public class PetType extends BaseEntity {
    private String name;
}
