UNPAID_INVOICES = "SELECT id FROM billing_invoices i LEFT JOIN billing_payments p ON p.invoice_id = i.id WHERE p.id IS NULL"
