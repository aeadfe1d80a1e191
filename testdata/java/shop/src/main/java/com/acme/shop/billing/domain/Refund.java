package com.acme.shop.billing.domain;

import com.acme.shop.common.Money;

/** Money given back for a captured payment. */
public record Refund(Payment payment, Money amount, String reason) {

    public Refund {
        if (amount.isGreaterThan(payment.getAmount())) {
            throw new IllegalArgumentException("refund exceeds payment");
        }
    }
}
