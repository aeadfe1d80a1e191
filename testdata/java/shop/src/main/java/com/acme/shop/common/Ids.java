package com.acme.shop.common;

import java.util.UUID;

/** Identifier helpers. */
public final class Ids {

    private Ids() {
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    public static String requireValid(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new DomainException("invalid-id", "identifier must not be blank");
        }
        return raw.trim();
    }
}
