package com.acme.books.catalog.web

import com.acme.books.catalog.domain.Book
import com.acme.books.catalog.service.CatalogService as Catalog
import com.acme.books.common.Audited

@Audited(by = "web")
class CatalogController(private val catalog: Catalog) {
    data class BookView(val title: String, val shelf: String)

    fun create(title: String, authorId: Long): BookView {
        val book = catalog.add(title, authorId, 1999)
        return toView(book)
    }

    fun views(books: List<Book>): List<BookView> = books.map(::toView)

    fun summary(book: Book): String = with(book) { "$title: ${price()}" }

    private fun toView(book: Book): BookView = BookView(book.title, book.genre.shelf())
}
