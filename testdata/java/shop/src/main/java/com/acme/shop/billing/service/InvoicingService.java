package com.acme.shop.billing.service;

import com.acme.shop.billing.domain.Invoice;
import com.acme.shop.billing.domain.Payment;
import com.acme.shop.common.DomainException;
import com.acme.shop.common.Money;
import com.acme.shop.ordering.domain.Order;
import com.acme.shop.ordering.domain.OrderId;
import com.acme.shop.ordering.repo.OrderRepository;
import com.acme.shop.ordering.service.CheckoutService;
import java.util.ArrayList;
import java.util.List;

/** Creates invoices for paid orders; listens to checkouts. */
public class InvoicingService implements CheckoutService.Listener {

    private final OrderRepository orders;
    private final PaymentService payments;
    private final List<Invoice> issued = new ArrayList<>();

    public InvoicingService(OrderRepository orders, PaymentService payments) {
        this.orders = orders;
        this.payments = payments;
    }

    @Override
    public void orderPlaced(Order order) {
        issued.add(invoiceFor(order.getId()));
    }

    public Invoice invoiceFor(OrderId orderId) {
        Order order = orders.findById(orderId)
                .orElseThrow(() -> new DomainException("unknown-order", "no order " + orderId.value()));
        Order.Status status = order.getStatus();
        if (status != Order.Status.PAID && status != Order.Status.SHIPPED) {
            throw new DomainException("not-paid", "order " + orderId.value() + " is " + status);
        }
        Invoice invoice = new Invoice(orderId);
        for (com.acme.shop.ordering.domain.OrderLine line : order.getLines()) {
            String text = line.getQuantity() + " x " + line.getProductId();
            invoice.addLine(new Invoice.Line(text, line.total()));
        }
        for (Payment payment : payments.paymentsFor(orderId)) {
            if (payment.isCaptured()) {
                invoice.attach(payment);
            }
        }
        return invoice;
    }

    public Money providerFee(Invoice invoice) {
        return invoice.getPayment().getMethod().fee(invoice.total());
    }

    public List<Invoice.Line> feeLines(Invoice... invoices) {
        List<Invoice.Line> result = new ArrayList<>();
        for (Invoice invoice : invoices) {
            result.add(new Invoice.Line("provider fee", providerFee(invoice)));
        }
        return result;
    }

    public List<Invoice> getIssued() {
        return issued;
    }
}
