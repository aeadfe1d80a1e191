package com.acme.shop.billing.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.acme.shop.billing.domain.Payment;
import com.acme.shop.billing.domain.Refund;
import com.acme.shop.common.Money;
import com.acme.shop.ordering.domain.OrderId;
import org.junit.jupiter.api.Test;

class PaymentServiceTest {

    /** Accepts every payment up to 1000. */
    static class FakeGateway implements PaymentGateway {

        @Override
        public String authorize(Payment payment) {
            if (payment.getAmount().isGreaterThan(Money.of("1000.00"))) {
                throw new PaymentException("limit exceeded");
            }
            return "ref-" + payment.getId();
        }

        @Override
        public void refund(Refund refund) {
        }
    }

    @Test
    void capturesAcceptedPayments() {
        PaymentService service = new PaymentService(new FakeGateway());
        OrderId orderId = OrderId.next();
        service.requestPayment(orderId, Money.of("20.00"));
        assertEquals(1, service.paymentsFor(orderId).size());
        assertEquals(Money.of("20.70"), service.totalCaptured());
    }

    @Test
    void rejectsLargePayments() {
        PaymentService service = new PaymentService(new FakeGateway());
        assertThrows(PaymentException.class, () -> service.requestPayment(OrderId.next(), Money.of("5000.00")));
    }
}
