package com.acme.books.common

const val DEFAULT_CURRENCY = "EUR"

fun String.slug(): String = lowercase().replace(' ', '-')

fun requirePositive(n: Int, what: String): Int {
    if (n <= 0) throw DomainException("$what must be positive")
    return n
}

val Money.isFree: Boolean
    get() = amount.signum() == 0
