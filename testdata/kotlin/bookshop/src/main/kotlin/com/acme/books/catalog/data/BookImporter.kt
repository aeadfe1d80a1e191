package com.acme.books.catalog.data

import com.acme.books.catalog.domain.Book
import jakarta.persistence.EntityManager

class BookImporter(private val em: EntityManager) {
    fun import(book: Book): Book {
        em.persist(book)
        return book
    }

    fun load(id: Long): Book? = em.find(Book::class.java, id)
}
