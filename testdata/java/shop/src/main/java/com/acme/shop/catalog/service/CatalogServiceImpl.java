package com.acme.shop.catalog.service;

import com.acme.shop.catalog.domain.*;
import com.acme.shop.catalog.repo.InMemoryProductRepository;
import com.acme.shop.catalog.repo.ProductRepository;
import com.acme.shop.common.DomainException;
import com.acme.shop.common.Money;
import com.acme.shop.common.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Default catalog: runs the price rules (volume discount, then VAT) and keeps the stock. */
@Service
public class CatalogServiceImpl implements CatalogService, PriceRule {

    private final ProductRepository products;
    private final List<PriceRule> rules = new ArrayList<>();

    public CatalogServiceImpl(ProductRepository products) {
        this.products = products;
        rules.add(this::apply);
        rules.add(new PriceRule() {
            @Override
            public Money apply(Product product, Money current) {
                return product.getCategory().withVat(current);
            }
        });
    }

    @Override
    public Optional<Product> find(ProductId id) {
        return products.findById(id);
    }

    @Override
    public Money priceOf(ProductId id) {
        Product product = load(id);
        Money price = product.getPrice();
        for (PriceRule rule : rules) {
            price = rule.apply(product, price);
        }
        return price;
    }

    /** Volume discount: 5% off any price above 100. */
    @Override
    public Money apply(Product product, Money current) {
        return current.isGreaterThan(Money.of("100.00")) ? current.plus(current.percent(-5)) : current;
    }

    public List<Money> pricesOf(List<String> skus) {
        return skus.stream().map(ProductId::new).map(this::priceOf).toList();
    }

    @Override
    public boolean isAvailable(ProductId id, int quantity) {
        var product = load(id);
        return product.availability() != Product.Availability.SOLD_OUT && product.getStock() >= quantity;
    }

    @Override
    public void reserve(ProductId id, int quantity) {
        Product product = load(id);
        product.removeStock(quantity);
        this.products.save(product);
    }

    public Page<Product> byCategory(String label, int pageNumber) {
        Category category = Category.fromLabel(label);
        Page<Product> page = new Page<>(pageNumber);
        products.findByCategory(category).forEach(page::add);
        return page;
    }

    public boolean fitsParcel(ProductId id, Product.Dimensions parcel) {
        Product.Dimensions size = load(id).getDimensions();
        return size.fitsInto(parcel);
    }

    public int countInStock() {
        try (InMemoryProductRepository scratch = new InMemoryProductRepository()) {
            for (Product p : products.findAll()) {
                if (p.getStock() > 0) {
                    scratch.save(p);
                }
            }
            return scratch.count();
        }
    }

    private Product load(ProductId id) {
        return products.findById(id)
                .orElseThrow(() -> new DomainException("unknown-product", "no product " + id.value()));
    }
}
