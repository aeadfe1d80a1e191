<?php

namespace Acme\Market\Common;

function money_format_cents(int $cents): string
{
    return number_format($cents / 100, 2);
}

function slugify(string $text): string
{
    return strtolower(trim(preg_replace('/[^a-z0-9]+/i', '-', $text), '-'));
}

/**
 * @return Money
 */
function parse_money($text)
{
    return new Money((int) round(((float) $text) * 100));
}
