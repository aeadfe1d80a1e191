package com.acme.books.billing

object InvoiceQueries {
    const val INSERT = "insert into billing.invoices (order_id, amount) values (?, ?)"
    const val BY_ORDER = "select id, order_id, amount from billing.invoices where order_id = ?"
}
