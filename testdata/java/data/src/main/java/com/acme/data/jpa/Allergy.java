package com.acme.data.jpa;

import com.acme.data.model.BaseEntity;
import javax.persistence.Entity;

/** The entity name, not the class name, gives the table: allergen. */
@Entity(name = "Allergen")
public class Allergy extends BaseEntity {
    private String substance;
}
