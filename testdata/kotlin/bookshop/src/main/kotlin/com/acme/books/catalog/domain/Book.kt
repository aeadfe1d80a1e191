package com.acme.books.catalog.domain

import com.acme.books.common.BaseEntity
import com.acme.books.common.Money
import com.acme.books.common.slug
import jakarta.persistence.*

@Entity
@Table(name = "books", schema = "catalog")
class Book(
    @Id override val id: Long?,
    var title: String,
    @ManyToOne @JoinColumn(name = "author_id") val author: Author,
    var priceCents: Long,
    @Enumerated(EnumType.STRING) val genre: Genre = Genre.FICTION,
) : BaseEntity() {
    @ManyToMany
    @JoinTable(name = "book_tags", schema = "catalog")
    val tags: MutableSet<Tag> = mutableSetOf()

    fun price(): Money = Money.of(priceCents)

    fun rename(newTitle: String) {
        title = newTitle.trim()
    }

    fun handle(): String = title.slug()
}

enum class Genre(val label: String) {
    FICTION("Fiction"),
    SCIENCE("Science") {
        override fun shelf() = "S-" + label.slug()
    };

    open fun shelf(): String = label.slug()
}
