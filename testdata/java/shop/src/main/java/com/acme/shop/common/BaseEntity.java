package com.acme.shop.common;

import java.time.Instant;

/** Base class of every persistent entity; ID is the type of its identifier. */
public abstract class BaseEntity<ID> {

    private final ID id;
    private Instant updatedAt;
    private long version;

    protected BaseEntity(ID id) {
        this.id = id;
        this.updatedAt = Instant.now();
    }

    public ID getId() {
        return id;
    }

    public long getVersion() {
        return version;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    protected void touch() {
        version++;
        updatedAt = Instant.now();
    }

    public String describe() {
        return getClass().getSimpleName() + "#" + id.toString() + " v" + version;
    }
}
