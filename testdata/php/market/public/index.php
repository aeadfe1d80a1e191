<?php

// The front controller: top-level code, no class.

use Acme\Market\Billing\InvoicingService;
use Acme\Market\Common\SystemClock;

require __DIR__ . '/../vendor/autoload.php';

$clock = new SystemClock();
$container = require __DIR__ . '/../config/container.php';

/** @var InvoicingService $invoicing */
$invoicing = $container->get(InvoicingService::class);
echo \Acme\Market\Billing\open_invoices($container->get('invoices')), " open invoices at ", $clock->now()->format('c'), "\n";
