<?php

namespace Acme\Market\Ordering\Domain;

interface OrderRepository
{
    public function save(Order $order): void;

    public function get(string $id): ?Order;

    /** @return Order[] */
    public function openFor(Customer $customer): array;
}
