<?php

namespace Acme\Market\Catalog;

use Acme\Market\Catalog\Models\Product;
use Acme\Market\Common\DomainEvent;

final class ProductCreated implements DomainEvent
{
    public function __construct(public readonly Product $product, private \DateTimeImmutable $at)
    {
    }

    public function occurredOn(): \DateTimeImmutable
    {
        return $this->at;
    }
}
