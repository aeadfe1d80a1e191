<?php

namespace Acme\Market\Billing;

use Acme\Market\Common\Clock;

const INVOICE_PREFIX = 'INV';

/**
 * The next invoice number: prefix, date, sequence.
 */
function invoice_number(Clock $clock): string
{
    static $sequence = 0;
    $sequence++;
    return INVOICE_PREFIX . '-' . $clock->now()->format('Ymd') . '-' . $sequence;
}

function open_invoices(InvoiceRepository $repository): int
{
    return count($repository->open());
}
