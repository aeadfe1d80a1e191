package com.acme.shop.ordering.domain;

import com.acme.shop.common.Ids;

/** Identifier of an order. */
public record OrderId(String value) {

    public OrderId {
        value = Ids.requireValid(value);
    }

    public static OrderId next() {
        return new OrderId(Ids.newId());
    }
}
