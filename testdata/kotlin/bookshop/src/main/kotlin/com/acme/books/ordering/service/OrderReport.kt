package com.acme.books.ordering.service

import com.acme.books.common.Money
import com.acme.books.ordering.db.OrderStore
import com.acme.books.ordering.domain.Order
import com.acme.books.ordering.domain.OrderEvent
import com.acme.books.ordering.domain.OrderLine

/** Text views of orders. */
class OrderReport(private val store: OrderStore) {
    private val formatter by lazy { LineFormatter("; ") }

    fun render(id: Long): String =
        store.find(id)?.let { order -> order.lines.joinToString(formatter.separator) { formatter.format(it) } } ?: "none"

    fun size(id: Long): Int = store.find(id)?.lineCount() ?: 0

    fun headline(event: OrderEvent): String = when (event) {
        is OrderEvent.Placed -> "placed ${event.orderId}"
        is OrderEvent.Cancelled -> event.describe()
    }
}

class LineFormatter(val separator: String) {
    fun format(line: OrderLine): String = "${line.bookId} x ${line.quantity}"

    fun price(m: Money): String = m.label()
}

fun Order.lineCount(): Int = lines.sumOf { it.quantity }

fun Money.label(): String = "$amount $currency"
