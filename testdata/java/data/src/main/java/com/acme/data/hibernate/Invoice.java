package com.acme.data.hibernate;

import java.util.Set;

/** Mapped by Invoice.hbm.xml. */
public class Invoice {
    private Long id;
    private Customer customer;
    private Set<InvoiceLine> lines;
    private Set<String> tags;
    private boolean paid;
}
