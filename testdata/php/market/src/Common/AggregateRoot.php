<?php

namespace Acme\Market\Common;

abstract class AggregateRoot
{
    use RecordsEvents;

    abstract public function id(): string;
}
