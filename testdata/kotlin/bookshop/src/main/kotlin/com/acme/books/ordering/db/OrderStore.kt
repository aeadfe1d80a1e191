package com.acme.books.ordering.db

import com.acme.books.ordering.domain.Order
import com.acme.books.ordering.domain.OrderLine
import com.acme.books.ordering.domain.OrderStatus
import org.jetbrains.exposed.sql.*
import org.jetbrains.exposed.sql.SqlExpressionBuilder.eq
import org.jetbrains.exposed.sql.transactions.transaction

class OrderStore {
    fun save(order: Order, customerId: Int): Long = transaction {
        val id = Orders.insertAndGetId {
            it[customer] = customerId
            it[status] = order.status
        }
        order.lines.forEach { line ->
            OrderLines.insert {
                it[OrderLines.order] = id
                it[bookId] = line.bookId
                it[quantity] = line.quantity
            }
        }
        id.value
    }

    fun find(id: Long): Order? = transaction {
        val rows = (Orders innerJoin OrderLines).select { Orders.id eq id }.toList()
        if (rows.isEmpty()) null else Order(id, rows.first()[Orders.customer].toString(), rows.map { toLine(it) })
    }

    fun cancel(id: Long) {
        transaction {
            Orders.update({ Orders.id eq id }) { it[status] = OrderStatus.CANCELLED }
        }
    }

    fun purge(id: Long) = transaction { OrderLines.deleteWhere { OrderLines.order eq id } }

    private fun toLine(row: ResultRow): OrderLine = OrderLine(row[OrderLines.bookId], row[OrderLines.quantity])
}
