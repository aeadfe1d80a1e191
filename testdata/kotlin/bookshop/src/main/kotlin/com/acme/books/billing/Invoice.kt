package com.acme.books.billing

import com.acme.books.common.Audited
import com.acme.books.common.Money
import java.math.BigDecimal

@Audited
data class Invoice(val id: Long, val orderId: Long, val amount: Money) {
    fun isLarge(): Boolean = amount > LIMIT

    companion object {
        private val LIMIT = Money(BigDecimal(100))
    }
}
