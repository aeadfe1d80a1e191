package com.acme.shop.billing.domain;

import static com.acme.shop.common.Ids.newId;

import com.acme.shop.common.Audited;
import com.acme.shop.common.BaseEntity;
import com.acme.shop.common.Money;
import com.acme.shop.ordering.domain.OrderId;
import java.util.ArrayList;
import java.util.List;

/** An invoice for one order. */
@Audited("invoice")
public class Invoice extends BaseEntity<String> {

    /** One invoice position. */
    public static class Line {

        private final String text;
        private final Money amount;

        public Line(String text, Money amount) {
            this.text = text;
            this.amount = checked(amount);
        }

        public String getText() {
            return text;
        }

        public Money getAmount() {
            return amount;
        }
    }

    private final OrderId orderId;
    private final List<Line> lines = new ArrayList<>();
    private Payment payment;

    public Invoice(OrderId orderId) {
        super(newId());
        this.orderId = orderId;
    }

    static Money checked(Money amount) {
        if (amount.amount().signum() < 0) {
            throw new IllegalArgumentException("invoice lines must not be negative");
        }
        return amount;
    }

    public OrderId getOrderId() {
        return orderId;
    }

    public List<Line> getLines() {
        return lines;
    }

    public Payment getPayment() {
        return payment;
    }

    public void addLine(Line line) {
        lines.add(line);
    }

    public void attach(Payment payment) {
        this.payment = payment;
        touch();
    }

    public Money total() {
        Money sum = Money.ZERO;
        for (Line line : lines) {
            sum = sum.plus(line.getAmount());
        }
        return sum;
    }
}
