package com.acme.data.jpa;

import javax.persistence.Entity;

/** Mapped to its root's table, animals (single table). */
@Entity
public class Dog extends Animal {
    private boolean goodBoy;
}
