<?php

namespace Acme\Market\Ordering\Domain;

enum OrderStatus: string
{
    case Open = 'open';
    case Paid = 'paid';
    case Cancelled = 'cancelled';

    public function label(): string
    {
        return ucfirst($this->value);
    }

    public function isFinal(): bool
    {
        return match ($this) {
            self::Open => false,
            self::Paid, self::Cancelled => true,
        };
    }
}
