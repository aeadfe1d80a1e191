package com.acme.books.ordering.service

import com.acme.books.catalog.service.CatalogQueries
import com.acme.books.common.DomainException
import com.acme.books.common.EventListener
import com.acme.books.common.isFree
import com.acme.books.common.newId
import com.acme.books.ordering.db.Customer
import com.acme.books.ordering.db.OrderStore
import com.acme.books.ordering.domain.Order
import com.acme.books.ordering.domain.OrderEvent
import com.acme.books.ordering.domain.OrderLine
import org.jetbrains.exposed.sql.transactions.transaction

class CheckoutService(
    private val store: OrderStore,
    private val catalog: CatalogQueries,
    private val billing: BillingPort,
) {
    private val listeners = mutableListOf<EventListener>()

    fun checkout(customerName: String, items: Map<Long, Int>): Long {
        val customer = transaction { Customer.new { name = customerName } }
        val lines = items.map { (book, qty) -> OrderLine(book, qty) }
        lines.forEach { require(catalog.exists(it.bookId)) }
        val order = Order(newId(), customerName, lines)
        val total = order.total(catalog)
        if (!total.isFree && !billing.charge(order.id, total)) {
            throw DomainException("payment refused")
        }
        val event = order.place()
        store.save(order, customer.id.value).also { id -> notify(event, id) }
        return order.id
    }

    fun customerName(id: Int): String? = transaction { Customer.findById(id)?.name }

    private fun notify(event: OrderEvent, id: Long) {
        when (event) {
            is OrderEvent.Placed -> listeners.forEach { it(event) }
            is OrderEvent.Cancelled -> {
                store.cancel(id)
                println(event.describe())
            }
        }
    }
}
