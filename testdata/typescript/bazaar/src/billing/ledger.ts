import { Pool } from 'pg';
import sql from 'sql-template-strings';

const INSERT_ENTRY = 'INSERT INTO ledger_entries (invoice_id, amount) VALUES ($1, $2)';

export async function record(pool: Pool, invoiceId: string, amount: number): Promise<void> {
  await pool.query(INSERT_ENTRY, [invoiceId, amount]);
}

export async function balance(pool: Pool, invoiceId: string): Promise<number> {
  const res = await pool.query(sql`SELECT sum(amount) AS total FROM ledger_entries WHERE invoice_id = ${invoiceId}`);
  return Number(res.rows[0].total);
}

export function purge(pool: Pool, before: Date) {
  return pool.query(`DELETE FROM ledger_entries WHERE created_at < '${before.toISOString()}'`);
}
