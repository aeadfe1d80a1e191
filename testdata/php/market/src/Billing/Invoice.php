<?php

namespace Acme\Market\Billing;

use Acme\Market\Common\Money;
use Acme\Market\Ordering\Domain\Order;

class Invoice
{
    private bool $paid = false;

    public function __construct(
        public readonly string $number,
        public readonly string $orderId,
        private Money $amount,
    ) {
    }

    public static function forOrder(Order $order, string $number): static
    {
        return new static($number, $order->id(), $order->total());
    }

    public function amount(): Money
    {
        return $this->amount;
    }

    public function isPaid(): bool
    {
        return $this->paid;
    }
}
