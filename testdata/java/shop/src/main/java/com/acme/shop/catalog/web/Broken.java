package com.acme.shop.catalog.web;

import com.acme.shop.catalog.domain.Product;
import com.acme.shop.catalog.domain.ProductId;
import com.acme.shop.catalog.service.CatalogService;
import com.acme.shop.common.Money;

/**
 * Product pages. This file deliberately does not compile: the statement in render() lacks a
 * closing parenthesis. It exists to test tolerant parsing; do not fix it.
 */
public class Broken {

    private final CatalogService catalog;

    public Broken(CatalogService catalog) {
        this.catalog = catalog;
    }

    public Money price(ProductId id) {
        return catalog.priceOf(id);
    }

    public String render(Product product) {
        String name = product.getName();
        String label = String.format("%s (%d in stock)", name, product.getStock();
        return label;
    }

    public String categoryLabel(Product product) {
        return product.getCategory().label();
    }

    public boolean available(ProductId id) {
        return catalog.isAvailable(id, 1);
    }
}
