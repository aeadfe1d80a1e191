<?php

namespace Acme\Market\Billing;

use Acme\Market\Common\Money;

interface PaymentGateway
{
    public function charge(string $reference, Money $amount): bool;
}
