package com.acme.shop.billing.domain;

import com.acme.shop.common.BaseEntity;
import com.acme.shop.common.Money;
import com.acme.shop.ordering.domain.OrderId;
import java.time.Instant;

/** A payment for one order. */
public class Payment extends BaseEntity<String> implements Comparable<Payment> {

    private final OrderId orderId;
    private final Money amount;
    private final PaymentMethod method;
    private final Instant createdAt = Instant.now();
    private boolean captured;

    public Payment(String id, OrderId orderId, Money amount, PaymentMethod method) {
        super(id);
        this.orderId = orderId;
        this.amount = amount;
        this.method = method;
    }

    public OrderId getOrderId() {
        return orderId;
    }

    public Money getAmount() {
        return amount;
    }

    public PaymentMethod getMethod() {
        return method;
    }

    public boolean isCaptured() {
        return captured;
    }

    public void capture() {
        captured = true;
        touch();
    }

    @Override
    public int compareTo(Payment other) {
        return createdAt.compareTo(other.createdAt);
    }
}
