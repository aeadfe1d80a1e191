-- name: CreatePayment :one
INSERT INTO payments (invoice_id, cents) VALUES ($1, $2) RETURNING id;

-- name: ListPayments :many
SELECT id, invoice_id, cents FROM payments WHERE invoice_id = $1;
