package com.acme.books.common

import java.time.Instant

interface DomainEvent {
    val at: Instant get() = SystemClock.now()
}

interface Versioned : Identified {
    val version: Int

    fun nextVersion(): Int = version + 1
}

typealias EventListener = (DomainEvent) -> Unit
