package com.acme.books.common

open class DomainException(message: String) : RuntimeException(message)

class NotFoundException(what: String, id: Long) : DomainException("$what $id not found")

class PricingException : DomainException {
    constructor(bookId: Long) : super("no price for book $bookId")
}
