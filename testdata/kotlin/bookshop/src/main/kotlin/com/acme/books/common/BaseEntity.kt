package com.acme.books.common

/** The root of the persistent domain objects. */
abstract class BaseEntity : Identified {
    abstract override val id: Long?

    fun isNew(): Boolean = id == null
}

interface Identified {
    val id: Long?
}
