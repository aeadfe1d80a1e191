package com.acme.books.ordering.domain

import com.acme.books.catalog.service.CatalogQueries
import com.acme.books.common.*

class Order(
    val id: Long,
    val customer: String,
    val lines: List<OrderLine>,
    var status: OrderStatus = OrderStatus.NEW,
) {
    fun total(prices: CatalogQueries): Money =
        lines.fold(Money.ZERO) { acc, line -> acc + line.cost(prices) }

    fun place(): OrderEvent {
        if (status != OrderStatus.NEW) throw DomainException("order $id is $status")
        status = OrderStatus.PLACED
        return OrderEvent.Placed(id)
    }

    fun largest(prices: CatalogQueries): OrderLine? = lines.maxByOrNull { it.cost(prices).amount }

    inner class Summary {
        fun text(prices: CatalogQueries): String = "${this@Order.id}: ${total(prices)}"
    }
}

data class OrderLine(val bookId: Long, val quantity: Int) {
    init {
        requirePositive(quantity, "quantity")
    }

    fun cost(prices: CatalogQueries): Money = prices.priceOf(bookId).times(quantity)
}
