-- Revenue per month, read by Billing::RevenueEntry.
CREATE VIEW billing_revenue AS
SELECT date_trunc('month', i.paid_at) AS month, SUM(i.total_cents) AS cents
FROM billing_invoices i
JOIN orders o ON o.id = i.order_ref
WHERE i.paid_at IS NOT NULL
GROUP BY 1;
