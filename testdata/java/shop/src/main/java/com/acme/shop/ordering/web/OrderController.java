package com.acme.shop.ordering.web;

import com.acme.shop.catalog.domain.ProductId;
import com.acme.shop.common.DomainException;
import com.acme.shop.ordering.domain.Cart;
import com.acme.shop.ordering.domain.Order;
import com.acme.shop.ordering.domain.OrderId;
import com.acme.shop.ordering.repo.OrderRepository;
import com.acme.shop.ordering.service.CheckoutService;
import com.acme.shop.ordering.service.OrderException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** HTTP-facing adapter for carts and orders (framework wiring left out). */
public class OrderController {

    private static final String LOG_TAG = Order.class.getSimpleName();

    private final CheckoutService checkout;
    private final OrderRepository orders;
    private final List<String> events = new ArrayList<>();

    public OrderController(CheckoutService checkout, OrderRepository orders) {
        this.checkout = checkout;
        this.orders = orders;
        checkout.addListener(new CheckoutService.Listener() {
            @Override
            public void orderPlaced(Order order) {
                events.add(LOG_TAG + " placed: " + order.describe());
            }
        });
    }

    public Map<String, Object> placeOrder(String customerId, Map<String, Integer> quantities) {
        var cart = new Cart(customerId);
        quantities.forEach((sku, qty) -> cart.add(checkout.priceLine(new ProductId(sku), qty)));
        try {
            Order order = checkout.checkout(cart);
            return Map.of("orderId", String.valueOf(order.getId()), "total", order.total().amount());
        } catch (OrderException | IllegalStateException e) {
            return Map.of("error", String.valueOf(e));
        }
    }

    public String cancel(String rawId) {
        try {
            Order order = orders.findById(new OrderId(rawId)).orElseThrow();
            order.cancel();
            orders.save(order);
            return order.getStatus().name();
        } catch (DomainException e) {
            return e.getCode() + ": " + e.getMessage();
        }
    }

    public String describe(Object body) {
        if (body instanceof Order order) {
            return order.describe();
        }
        if (body instanceof DomainException) {
            var error = (DomainException) body;
            return error.getCode();
        }
        return String.valueOf(body);
    }

    public int firstLineQuantity(Order order) {
        return order.getLines().get(0).getQuantity();
    }

    public List<String> getEvents() {
        return events;
    }
}
