package com.acme.books.billing;

public class Authorization {
    private final boolean approved;
    private final long cents;

    public Authorization(boolean approved, long cents) {
        this.approved = approved;
        this.cents = cents;
    }

    public boolean isApproved() {
        return approved;
    }

    public long getCents() {
        return cents;
    }
}
