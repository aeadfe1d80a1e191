package com.acme.books.billing;

/** A legacy gateway client, still in Java. */
public class PaymentGateway {
    private final String endpoint;

    public PaymentGateway(String endpoint) {
        this.endpoint = endpoint;
    }

    public Authorization authorize(long cents) {
        return new Authorization(cents > 0 && !endpoint.isEmpty(), cents);
    }
}
