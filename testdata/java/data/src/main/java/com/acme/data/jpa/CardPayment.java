package com.acme.data.jpa;

import javax.persistence.Entity;

@Entity
public class CardPayment extends Payment {
    private String last4;
}
