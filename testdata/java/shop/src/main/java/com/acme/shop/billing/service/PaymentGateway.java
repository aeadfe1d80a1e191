package com.acme.shop.billing.service;

import com.acme.shop.billing.domain.Payment;
import com.acme.shop.billing.domain.Refund;

/** Port to the external payment provider. */
public interface PaymentGateway {

    String authorize(Payment payment) throws PaymentException;

    void refund(Refund refund) throws PaymentException;
}
