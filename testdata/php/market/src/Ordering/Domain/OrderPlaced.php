<?php

namespace Acme\Market\Ordering\Domain;

use Acme\Market\Common\DomainEvent;

final class OrderPlaced implements DomainEvent
{
    private \DateTimeImmutable $on;

    public function __construct(public readonly string $orderId)
    {
        $this->on = new \DateTimeImmutable();
    }

    public function occurredOn(): \DateTimeImmutable
    {
        return $this->on;
    }
}
