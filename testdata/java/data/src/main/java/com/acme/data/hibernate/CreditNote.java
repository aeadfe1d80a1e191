package com.acme.data.hibernate;

public class CreditNote extends Invoice {
    private String reason;
}
