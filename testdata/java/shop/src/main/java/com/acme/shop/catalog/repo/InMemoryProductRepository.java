package com.acme.shop.catalog.repo;

import com.acme.shop.catalog.domain.*;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Map-backed repository for the demo profile and for scratch copies. */
public class InMemoryProductRepository implements ProductRepository, AutoCloseable {

    private final Map<ProductId, Product> products = new LinkedHashMap<>();

    @Override
    public Optional<Product> findById(ProductId id) {
        return Optional.ofNullable(products.get(id));
    }

    @Override
    public Product save(Product product) {
        products.put(product.getId(), product);
        return product;
    }

    @Override
    public List<Product> findAll() {
        return new ArrayList<>(products.values());
    }

    @Override
    public List<Product> findByCategory(Category category) {
        List<Product> result = new ArrayList<>();
        for (Product p : products.values()) {
            if (p.getCategory() == category) {
                result.add(p);
            }
        }
        return result;
    }

    public int count() {
        return products.size();
    }

    @Override
    public void close() {
        products.clear();
    }
}
