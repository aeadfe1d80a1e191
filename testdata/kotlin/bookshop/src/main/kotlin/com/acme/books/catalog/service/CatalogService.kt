package com.acme.books.catalog.service

import com.acme.books.catalog.data.AuthorRepository
import com.acme.books.catalog.data.BookRepository
import com.acme.books.catalog.domain.Book
import com.acme.books.catalog.domain.Genre
import com.acme.books.common.Money
import com.acme.books.common.NotFoundException
import com.acme.books.common.PricingException
import com.acme.books.common.newId
import com.acme.books.common.requirePositive

class CatalogService(
    private val books: BookRepository,
    private val authors: AuthorRepository,
) : CatalogQueries {
    override fun priceOf(bookId: Long): Money =
        books.findById(bookId).map { it.price() }.orElseThrow { NotFoundException("book", bookId) }

    override fun exists(bookId: Long): Boolean = books.existsById(bookId)

    fun add(title: String, authorId: Long, cents: Int): Book {
        val author = authors.findById(authorId).orElseThrow { NotFoundException("author", authorId) }
        val book = Book(newId(), title, author, requirePositive(cents, "price").toLong())
        return books.save(book)
    }

    fun retitle(id: Long, title: String): Book? =
        books.findByTitle(title).firstOrNull()?.apply {
            rename(title)
        }

    fun shelves(): List<String> = Genre.values().map(Genre::shelf)

    fun cheapest(limit: Long): Money {
        var best = Money.ZERO
        for (b in books.cheaperThan(limit)) {
            best = if (b.price() > best) b.price() else best
        }
        return best
    }

    fun readOnly(): CatalogQueries = object : CatalogQueries {
        override fun priceOf(bookId: Long): Money = this@CatalogService.priceOf(bookId)

        override fun exists(bookId: Long): Boolean = false
    }

    fun requirePrice(book: Book?): Money = book?.price() ?: throw PricingException(0)
}
