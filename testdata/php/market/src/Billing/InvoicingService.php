<?php

namespace Acme\Market\Billing;

use Acme\Market\Common\Clock;
use Acme\Market\Ordering\Domain as Ordering;
use Acme\Market\Ordering\Domain\OrderRepository;
use Illuminate\Support\Facades\DB;
use Psr\Log\LoggerInterface;

use function Acme\Market\Common\money_format_cents;

class InvoicingService
{
    public function __construct(
        private InvoiceRepository $invoices,
        private OrderRepository $orders,
        private PaymentGateway $gateway,
        private Clock $clock,
        private ?LoggerInterface $log = null,
    ) {
    }

    public function onOrderPlaced(Ordering\OrderPlaced $event): Invoice
    {
        $order = $this->orders->get($event->orderId);
        if (!$order instanceof Ordering\Order) {
            throw new \RuntimeException('no order ' . $event->orderId);
        }
        $invoice = Invoice::forOrder($order, invoice_number($this->clock));
        $this->invoices->add($invoice);
        DB::table('invoice_events')->insert(['number' => $invoice->number, 'kind' => 'created']);
        $this->log?->info('invoiced ' . money_format_cents($invoice->amount()->cents));
        return $invoice;
    }

    public function settle(Invoice $invoice): bool
    {
        if (!$this->gateway->charge($invoice->number, $invoice->amount())) {
            return false;
        }
        $this->invoices->markPaid($invoice->number);
        $lines = DB::select('SELECT * FROM invoice_lines WHERE invoice_number = ?', [$invoice->number]);
        return count($lines) > 0;
    }

    public function gatewayFor(string $name): PaymentGateway
    {
        return new class($name) implements PaymentGateway {
            public function __construct(private string $name)
            {
            }

            public function charge(string $reference, \Acme\Market\Common\Money $amount): bool
            {
                return $amount->cents > 0;
            }
        };
    }
}
