package com.acme.data.jpa;

import com.acme.data.model.BaseEntity;
import javax.persistence.Entity;
import javax.persistence.Inheritance;
import javax.persistence.InheritanceType;
import javax.persistence.Table;

/** The root of a single-table hierarchy. */
@Entity
@Table(name = "animals")
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
public class Animal extends BaseEntity {
    private String species;
}
