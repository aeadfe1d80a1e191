<?php

namespace Acme\Market\Billing;

use Acme\Market\Common\Database;
use Acme\Market\Common\Money;
use PDO;

class InvoiceRepository
{
    private const INSERT = 'INSERT INTO invoices (number, order_id, amount_cents, paid) '
        . 'VALUES (:number, :order, :amount, 0)';

    public function __construct(private PDO $pdo, private Database $db)
    {
    }

    public function add(Invoice $invoice): void
    {
        $statement = $this->pdo->prepare(self::INSERT);
        $statement->execute(['number' => $invoice->number, 'order' => $invoice->orderId, 'amount' => $invoice->amount()->cents]);
    }

    public function byNumber(string $number): ?Invoice
    {
        $row = $this->pdo->query("SELECT * FROM invoices WHERE number = '$number'")->fetch(PDO::FETCH_ASSOC);
        if ($row === false) {
            return null;
        }
        return new Invoice($row['number'], $row['order_id'], new Money((int) $row['amount_cents']));
    }

    /** @return Invoice[] */
    public function open(): array
    {
        $rows = $this->db->query(BillingQueries::OPEN_INVOICES);
        return array_map(static fn (array $r): Invoice => new Invoice($r['number'], $r['order_id'], new Money($r['amount_cents'])), $rows);
    }

    public function markPaid(string $number): void
    {
        $sql = 'UPDATE invoices SET paid = 1';
        $sql .= ' WHERE number = ?';
        $this->pdo->prepare($sql)->execute([$number]);
    }
}
