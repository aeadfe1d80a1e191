package com.acme.books.catalog.data

import com.acme.books.catalog.domain.Author
import com.acme.books.catalog.domain.Book
import com.acme.books.catalog.domain.Genre
import org.springframework.data.jpa.repository.JpaRepository
import org.springframework.data.jpa.repository.Query
import org.springframework.data.repository.CrudRepository

interface BookRepository : JpaRepository<Book, Long> {
    fun findByTitle(title: String): List<Book>

    fun countByGenre(genre: Genre): Long

    @Query("select b from Book b join b.author a where a.name = :name")
    fun byAuthor(name: String): List<Book>

    @Query(
        value = """
            select * from catalog.books
            where price_cents < ?1
        """,
        nativeQuery = true,
    )
    fun cheaperThan(cents: Long): List<Book>
}

interface AuthorRepository : CrudRepository<Author, Long>
