package com.acme.shop.ordering.service;

import com.acme.shop.billing.service.PaymentService;
import com.acme.shop.catalog.domain.ProductId;
import com.acme.shop.catalog.service.CatalogService;
import com.acme.shop.common.Money;
import com.acme.shop.ordering.domain.Cart;
import com.acme.shop.ordering.domain.Order;
import com.acme.shop.ordering.domain.OrderId;
import com.acme.shop.ordering.domain.OrderLine;
import com.acme.shop.ordering.repo.OrderRepository;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/** Turns carts into placed orders; asks the catalog for prices and stock and billing for payment. */
@Service
public class CheckoutService {

    /** Notified after each successful checkout. */
    public interface Listener {
        void orderPlaced(Order order);
    }

    private final CatalogService catalog;
    private final OrderRepository orders;
    private final PaymentService payments;
    private final List<Listener> listeners = new ArrayList<>();

    public CheckoutService(CatalogService catalog, OrderRepository orders, PaymentService payments) {
        this.catalog = catalog;
        this.orders = orders;
        this.payments = payments;
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    public OrderLine priceLine(ProductId productId, int quantity) {
        if (!catalog.isAvailable(productId, quantity)) {
            throw new OrderException(null, "unavailable", "not enough stock for " + productId.value());
        }
        return new OrderLine(productId, quantity, catalog.priceOf(productId));
    }

    public Money quote(List<ProductId> productIds) {
        return productIds.stream().map(catalog::priceOf).reduce(Money.ZERO, Money::plus);
    }

    public Order checkout(Cart cart) throws OrderException {
        if (cart.isEmpty()) {
            throw new OrderException(null, "empty-cart", "cart of " + cart.getCustomerId() + " is empty");
        }
        var order = cart.toOrder(OrderId.next());
        for (OrderLine line : order.getLines()) {
            this.catalog.reserve(line.getProductId(), line.getQuantity());
        }
        order.place();
        Money total = order.total();
        String reference = payments.requestPayment(order.getId(), total);
        order.markPaid(reference);
        orders.save(order);
        listeners.forEach(l -> l.orderPlaced(order));
        return order;
    }
}
