<?php

namespace Acme\Market\Common\Attribute;

#[\Attribute(\Attribute::TARGET_CLASS)]
final class Audited
{
    public function __construct(public string $reason = '')
    {
    }
}
