package com.acme.books.common

import java.math.BigDecimal

data class Money(val amount: BigDecimal, val currency: String = DEFAULT_CURRENCY) : Comparable<Money> {
    operator fun plus(other: Money): Money {
        requireSameCurrency(other)
        return Money(amount + other.amount, currency)
    }

    fun times(n: Int): Money = Money(amount.multiply(BigDecimal(n)), currency)

    private fun requireSameCurrency(other: Money) {
        if (other.currency != currency) throw DomainException("currency mismatch: $currency / ${other.currency}")
    }

    override fun compareTo(other: Money): Int = amount.compareTo(other.amount)

    companion object {
        val ZERO = Money(BigDecimal.ZERO)

        fun of(cents: Long): Money = Money(BigDecimal.valueOf(cents, 2))
    }
}
