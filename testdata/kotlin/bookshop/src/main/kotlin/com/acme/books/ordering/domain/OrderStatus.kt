package com.acme.books.ordering.domain

import com.acme.books.common.DomainEvent

enum class OrderStatus { NEW, PLACED, CANCELLED }

sealed class OrderEvent : DomainEvent {
    abstract val orderId: Long

    data class Placed(override val orderId: Long) : OrderEvent()

    data class Cancelled(override val orderId: Long, val reason: String) : OrderEvent() {
        fun describe(): String = "order $orderId cancelled: $reason"
    }
}
