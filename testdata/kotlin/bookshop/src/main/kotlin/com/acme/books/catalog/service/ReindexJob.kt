package com.acme.books.catalog.service

import com.acme.books.catalog.data.BookRepository
import com.acme.books.common.AbstractJob

class ReindexJob(private val books: BookRepository) : AbstractJob("reindex") {
    override fun run(): Int = books.count().toInt()

    fun label(): String = super.describe() + " (" + books.findAll().size + " books)"
}
