package com.acme.shop.ordering.domain;

import com.acme.shop.common.Money;

/** One product in an order, with the unit price fixed when it was added. */
public class OrderLine {

    private final com.acme.shop.catalog.domain.ProductId productId;
    private final int quantity;
    private final Money unitPrice;

    public OrderLine(com.acme.shop.catalog.domain.ProductId productId, int quantity, Money unitPrice) {
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be positive");
        }
        this.productId = productId;
        this.quantity = quantity;
        this.unitPrice = unitPrice;
    }

    public com.acme.shop.catalog.domain.ProductId getProductId() {
        return productId;
    }

    public int getQuantity() {
        return quantity;
    }

    public Money getUnitPrice() {
        return unitPrice;
    }

    public Money total() {
        return unitPrice.times(quantity);
    }

    public OrderLine withQuantity(int newQuantity) {
        return new OrderLine(productId, newQuantity, unitPrice);
    }
}
