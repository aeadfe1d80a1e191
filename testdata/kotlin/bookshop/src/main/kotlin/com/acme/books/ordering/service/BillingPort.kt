package com.acme.books.ordering.service

import com.acme.books.common.Money

/** Ordering's view of billing: implemented there. */
interface BillingPort {
    fun charge(orderId: Long, amount: Money): Boolean
}
