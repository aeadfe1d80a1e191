package com.acme.shop.billing.domain;

import com.acme.shop.common.Money;

/** How a customer pays, with the fee the provider charges for it. */
public enum PaymentMethod {
    CARD(2, Money.of("0.30")),
    PAYPAL(3, Money.of("0.35")),
    INVOICE(0, Money.ZERO);

    private final int feePercent;
    private final Money fixedFee;

    PaymentMethod(int feePercent, Money fixedFee) {
        this.feePercent = feePercent;
        this.fixedFee = fixedFee;
    }

    public Money fee(Money amount) {
        return amount.percent(feePercent).plus(fixedFee);
    }

    public boolean isInstant() {
        return this != INVOICE;
    }
}
