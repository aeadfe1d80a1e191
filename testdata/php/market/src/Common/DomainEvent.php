<?php

namespace Acme\Market\Common;

interface DomainEvent
{
    public function occurredOn(): \DateTimeImmutable;
}
