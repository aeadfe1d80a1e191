<?php

namespace Acme\Market\Common;

interface Clock
{
    public function now(): \DateTimeImmutable;
}
