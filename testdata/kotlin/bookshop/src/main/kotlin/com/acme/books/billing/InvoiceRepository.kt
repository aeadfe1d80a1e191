package com.acme.books.billing

import com.acme.books.common.Money
import org.springframework.jdbc.core.JdbcTemplate

class InvoiceRepository(private val jdbc: JdbcTemplate) {
    fun add(invoice: Invoice) {
        jdbc.update(InvoiceQueries.INSERT, invoice.orderId, invoice.amount.amount)
        audit(invoice.id, "created")
    }

    fun byOrder(orderId: Long): List<Invoice> =
        jdbc.query(InvoiceQueries.BY_ORDER, { rs, _ -> Invoice(rs.getLong(1), rs.getLong(2), Money(rs.getBigDecimal(3))) }, orderId)

    fun count(): Long = jdbc.queryForObject(COUNT, Long::class.java) ?: 0

    private fun audit(invoiceId: Long, what: String) {
        val sql = """
            insert into $AUDIT (invoice_id, event)
            values (?, ?)
        """.trimIndent()
        jdbc.update(sql, invoiceId, what)
    }

    companion object {
        const val TABLE = "billing.invoices"
        private const val AUDIT = "billing.invoice_audit"
        private const val COUNT = "select count(*) from $TABLE"
    }
}
