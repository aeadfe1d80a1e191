package com.acme.books.catalog.service

import com.acme.books.common.Money

/** What the other contexts may ask the catalog. */
interface CatalogQueries {
    fun priceOf(bookId: Long): Money

    fun exists(bookId: Long): Boolean
}
