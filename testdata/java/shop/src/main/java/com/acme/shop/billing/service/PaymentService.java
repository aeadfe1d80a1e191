package com.acme.shop.billing.service;

import static com.acme.shop.common.Money.*;

import com.acme.shop.billing.domain.Payment;
import com.acme.shop.billing.domain.PaymentMethod;
import com.acme.shop.billing.domain.Refund;
import com.acme.shop.common.Ids;
import com.acme.shop.common.Money;
import com.acme.shop.ordering.domain.OrderId;
import java.util.ArrayList;
import java.util.List;

/** Billing's entry point for taking and returning money. */
public class PaymentService {

    private final PaymentGateway gateway;
    private final List<Payment> payments = new ArrayList<>();

    public PaymentService(PaymentGateway gateway) {
        this.gateway = gateway;
    }

    /** Called by ordering at checkout; returns the provider's reference. */
    public String requestPayment(OrderId orderId, Money amount) {
        PaymentMethod method = PaymentMethod.CARD;
        Payment payment = new Payment(Ids.newId(), orderId, withFee(amount, method), method);
        try {
            String reference = gateway.authorize(payment);
            payment.capture();
            return reference;
        } catch (PaymentException e) {
            throw new PaymentException("order " + orderId.value() + ": " + e.getMessage());
        } finally {
            payments.add(payment);
        }
    }

    public Refund refund(Payment payment, Money amount, String reason) {
        var refund = new Refund(payment, amount, reason);
        gateway.refund(refund);
        return refund;
    }

    public Money totalCaptured() {
        return payments.stream()
                .filter(Payment::isCaptured)
                .map(Payment::getAmount)
                .reduce(ZERO, Money::plus);
    }

    public List<Payment> paymentsFor(OrderId orderId) {
        List<Payment> result = new ArrayList<>();
        payments.stream().filter(p -> p.getOrderId().equals(orderId)).forEach(result::add);
        return result;
    }

    private Money withFee(Money amount, PaymentMethod method) {
        return sum(amount, method.fee(amount));
    }
}
