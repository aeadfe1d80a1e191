package com.acme.shop.catalog.domain;

import com.acme.shop.common.Audited;
import com.acme.shop.common.BaseEntity;
import com.acme.shop.common.DomainException;
import com.acme.shop.common.Money;
import javax.persistence.Entity;

/** A sellable product. */
@Entity
@Audited("product")
public class Product extends BaseEntity<ProductId> {

    /** Availability as shown in the shop front. */
    public enum Availability { IN_STOCK, LOW, SOLD_OUT }

    /** Package size in millimetres. */
    public record Dimensions(int width, int height, int depth) {

        public int volume() {
            return width * height * depth;
        }

        public boolean fitsInto(Dimensions box) {
            return width <= box.width() && height <= box.height() && depth <= box.depth();
        }
    }

    private final String name;
    private final Category category;
    @Audited
    private Money price;
    private int stock;
    private final Dimensions dimensions;

    public Product(ProductId id, String name, Category category, Money price, Dimensions dimensions) {
        super(id);
        this.name = name;
        this.category = category;
        this.price = price;
        this.dimensions = dimensions;
    }

    public String getName() {
        return name;
    }

    public Category getCategory() {
        return category;
    }

    public Money getPrice() {
        return price;
    }

    public int getStock() {
        return stock;
    }

    public Dimensions getDimensions() {
        return dimensions;
    }

    public Availability availability() {
        if (stock == 0) {
            return Availability.SOLD_OUT;
        }
        return stock < 5 ? Availability.LOW : Availability.IN_STOCK;
    }

    @Audited("price-change")
    public void changePrice(Money newPrice) {
        if (!newPrice.isGreaterThan(Money.ZERO)) {
            throw new DomainException("bad-price", "price must be positive");
        }
        this.price = newPrice;
        touch();
    }

    public void addStock(int quantity) {
        stock += quantity;
        touch();
    }

    public void removeStock(int quantity) {
        if (quantity > stock) {
            throw new DomainException("out-of-stock", getName() + " has only " + stock + " left");
        }
        stock -= quantity;
        touch();
    }
}
