package com.acme.shop.ordering.domain;

import com.acme.shop.catalog.domain.ProductId;
import com.acme.shop.common.Money;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A customer's cart before checkout; lines are grouped by product. */
public class Cart {

    private final String customerId;
    private final Map<ProductId, List<OrderLine>> linesByProduct = new HashMap<>();

    public Cart(String customerId) {
        this.customerId = customerId;
    }

    public String getCustomerId() {
        return customerId;
    }

    public void add(OrderLine line) {
        linesByProduct.computeIfAbsent(line.getProductId(), k -> new ArrayList<>()).add(line);
    }

    public void remove(ProductId productId) {
        linesByProduct.remove(productId);
    }

    public int quantityOf(ProductId productId) {
        int quantity = 0;
        for (OrderLine line : linesByProduct.getOrDefault(productId, List.of())) {
            quantity += line.getQuantity();
        }
        return quantity;
    }

    public List<OrderLine> allLines() {
        List<OrderLine> all = new ArrayList<>();
        linesByProduct.values().forEach(all::addAll);
        return all;
    }

    public Money subtotal() {
        Money sum = Money.ZERO;
        for (OrderLine line : allLines()) {
            sum = sum.plus(line.total());
        }
        return sum;
    }

    public boolean isEmpty() {
        return linesByProduct.isEmpty();
    }

    public Order toOrder(OrderId orderId) {
        Order order = new Order(orderId, customerId);
        order.addLines(allLines().toArray(new OrderLine[0]));
        return order;
    }
}
