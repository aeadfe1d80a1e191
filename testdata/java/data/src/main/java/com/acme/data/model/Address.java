package com.acme.data.model;

import javax.persistence.Embeddable;

/** An embeddable: its columns live in the owning entity's table. */
@Embeddable
public class Address {
    private String street;
    private String city;
}
