package com.acme.shop.catalog.repo;

import com.acme.shop.catalog.domain.Category;
import com.acme.shop.catalog.domain.Product;
import com.acme.shop.catalog.domain.ProductId;
import com.acme.shop.common.Repository;
import java.util.List;

/** Persistence port for products. */
public interface ProductRepository extends Repository<Product, ProductId> {

    List<Product> findByCategory(Category category);
}
