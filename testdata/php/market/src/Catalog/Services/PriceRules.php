<?php

namespace Acme\Market\Catalog\Services;

use Acme\Market\Common\Money;

class PriceRules
{
    /** @var array<string, int> */
    private array $discounts = [];

    public function apply(Money $price): Money
    {
        $total = array_sum($this->discounts);
        return $total > 0 ? $price->times(100 - $total) : $price;
    }
}
