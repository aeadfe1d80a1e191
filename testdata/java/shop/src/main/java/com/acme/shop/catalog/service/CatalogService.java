package com.acme.shop.catalog.service;

import com.acme.shop.catalog.domain.Product;
import com.acme.shop.catalog.domain.ProductId;
import com.acme.shop.common.Money;
import java.util.Optional;

/** What the other parts of the shop may ask the catalog. */
public interface CatalogService {

    Optional<Product> find(ProductId id);

    Money priceOf(ProductId id);

    boolean isAvailable(ProductId id, int quantity);

    void reserve(ProductId id, int quantity);
}
