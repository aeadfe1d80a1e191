package com.acme.shop.ordering.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.acme.shop.catalog.domain.ProductId;
import com.acme.shop.common.Money;
import org.junit.jupiter.api.Test;

class CartTest {

    @Test
    void groupsLinesByProduct() {
        Cart cart = new Cart("c-1");
        ProductId book = new ProductId("sku-1");
        cart.add(new OrderLine(book, 2, Money.of("10.00")));
        cart.add(new OrderLine(book, 1, Money.of("10.00")));
        assertEquals(3, cart.quantityOf(book));
        assertEquals(Money.of("30.00"), cart.subtotal());
    }

    @Test
    void becomesAnOrder() {
        Cart cart = new Cart("c-2");
        cart.add(new OrderLine(ProductId.random(), 1, Money.of("5.00")));
        Order order = cart.toOrder(OrderId.next());
        assertEquals(Order.Status.NEW, order.getStatus());
        assertEquals(1, order.getLines().size());
    }
}
