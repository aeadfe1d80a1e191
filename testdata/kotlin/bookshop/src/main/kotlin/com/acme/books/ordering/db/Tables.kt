package com.acme.books.ordering.db

import com.acme.books.ordering.domain.OrderStatus
import org.jetbrains.exposed.dao.id.IntIdTable
import org.jetbrains.exposed.dao.id.LongIdTable
import org.jetbrains.exposed.sql.Table

object Orders : LongIdTable("orders") {
    val customer = reference("customer_id", Customers)
    val status = enumerationByName("status", 16, OrderStatus::class)
}

object OrderLines : Table("order_lines") {
    val order = reference("order_id", Orders)
    val bookId = long("book_id")
    val quantity = integer("quantity")
}

object Customers : IntIdTable() {
    val name = varchar("name", 100)
}
