package com.acme.shop.billing.service;

import com.acme.shop.common.DomainException;

/** Raised when the payment provider declines. */
public class PaymentException extends DomainException {

    public PaymentException(String message) {
        super("payment-declined", message);
    }
}
