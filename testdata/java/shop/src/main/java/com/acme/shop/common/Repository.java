package com.acme.shop.common;

import java.util.List;
import java.util.Optional;

/** Generic persistence port; T is the entity type, ID its identifier type. */
public interface Repository<T, ID> {

    Optional<T> findById(ID id);

    T save(T entity);

    List<T> findAll();
}
