package com.acme.shop.ordering.domain;

import com.acme.shop.common.Audited;
import com.acme.shop.common.BaseEntity;
import com.acme.shop.common.DomainException;
import com.acme.shop.common.Money;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.persistence.Entity;

/** A customer's order. */
@Entity
@Audited
public class Order extends BaseEntity<OrderId> {

    /** Life cycle of an order. */
    public enum Status {
        NEW, PLACED, PAID, SHIPPED, CANCELLED;

        public boolean isFinal() {
            return this == SHIPPED || this == CANCELLED;
        }
    }

    private final String customerId;
    private final List<OrderLine> lines = new ArrayList<>();
    private Status status = Status.NEW;
    private String paymentReference;

    public Order(OrderId id, String customerId) {
        super(id);
        this.customerId = customerId;
    }

    public String getCustomerId() {
        return customerId;
    }

    public List<OrderLine> getLines() {
        return Collections.unmodifiableList(lines);
    }

    public Status getStatus() {
        return status;
    }

    public String getPaymentReference() {
        return paymentReference;
    }

    public void addLines(OrderLine... newLines) {
        requireStatus(Status.NEW);
        for (OrderLine line : newLines) {
            lines.add(line);
        }
        touch();
    }

    public Money total() {
        return lines.stream().map(OrderLine::total).reduce(Money.ZERO, Money::plus);
    }

    public OrderLine[] linesAsArray() {
        return lines.toArray(new OrderLine[0]);
    }

    public void place() {
        requireStatus(Status.NEW);
        if (lines.isEmpty()) {
            throw new DomainException("empty-order", "an order needs at least one line");
        }
        status = Status.PLACED;
        touch();
    }

    public void markPaid(@Audited("payment") String reference) {
        requireStatus(Status.PLACED);
        this.paymentReference = reference;
        status = Status.PAID;
        touch();
    }

    public void cancel() {
        if (status.isFinal()) {
            throw new DomainException("order-closed", "order " + getId() + " is " + status);
        }
        status = Status.CANCELLED;
        touch();
    }

    @Override
    public String describe() {
        return super.describe() + " [" + status + ", " + lines.size() + " lines]";
    }

    private void requireStatus(Status expected) {
        if (status != expected) {
            throw new DomainException("bad-status", "expected " + expected + " but was " + status);
        }
    }
}
