package com.acme.shop.ordering.service;

import com.acme.shop.common.DomainException;
import com.acme.shop.ordering.domain.OrderId;

/** Raised when an order cannot be placed. */
public class OrderException extends DomainException {

    private final OrderId orderId;

    public OrderException(OrderId orderId, String code, String message) {
        super(code, message);
        this.orderId = orderId;
    }

    public OrderId getOrderId() {
        return orderId;
    }
}
