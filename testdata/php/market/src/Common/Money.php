<?php

declare(strict_types=1);

namespace Acme\Market\Common;

use InvalidArgumentException;

final class Money implements \JsonSerializable
{
    public function __construct(
        public readonly int $cents,
        public readonly string $currency = 'EUR',
    ) {
        if ($cents < 0) {
            throw new InvalidArgumentException('negative amount');
        }
    }

    public static function zero(string $currency = 'EUR'): self
    {
        return new self(0, $currency);
    }

    public function add(Money $other): static
    {
        return new static($this->cents + $other->cents, $this->currency);
    }

    public function times(int $factor): Money
    {
        return new Money($this->cents * $factor, $this->currency);
    }

    public function jsonSerialize(): array
    {
        return ['cents' => $this->cents, 'currency' => $this->currency, 'text' => money_format_cents($this->cents)];
    }
}
