<?php

namespace Acme\Market\Billing;

final class BillingQueries
{
    public const OPEN_INVOICES = 'SELECT number, order_id, amount_cents FROM invoices WHERE paid = 0';
    public const PAYMENTS_OF = 'SELECT * FROM payments WHERE invoice_number = ?';
}
