package com.acme.books.catalog.domain

import com.acme.books.common.BaseEntity
import jakarta.persistence.Entity
import jakarta.persistence.Id
import jakarta.persistence.OneToMany

@Entity
class Author(@Id override val id: Long?, val name: String) : BaseEntity() {
    @OneToMany(mappedBy = "author")
    val books: List<Book> = emptyList()

    fun bibliography(): List<String> = books.map { it.handle() }
}

@Entity
data class Tag(@Id val id: Long, val label: String)
