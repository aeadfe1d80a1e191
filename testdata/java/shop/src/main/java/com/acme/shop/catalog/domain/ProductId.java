package com.acme.shop.catalog.domain;

import com.acme.shop.common.Ids;

/** Identifier of a product (its SKU). */
public record ProductId(String value) {

    public ProductId {
        value = Ids.requireValid(value);
    }

    public static ProductId random() {
        return new ProductId(Ids.newId());
    }
}
