package com.acme.shop.ordering.repo;

import com.acme.shop.common.Repository;
import com.acme.shop.ordering.domain.Order;
import com.acme.shop.ordering.domain.OrderId;
import java.util.List;

/** Persistence port for orders. */
public interface OrderRepository extends Repository<Order, OrderId> {

    List<Order> findByStatus(Order.Status status);

    List<Order> findByCustomer(String customerId);
}
