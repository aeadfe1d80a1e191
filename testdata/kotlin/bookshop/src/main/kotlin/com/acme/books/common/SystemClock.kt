package com.acme.books.common

import java.time.Instant

object SystemClock {
    fun now(): Instant = Instant.now()
}

abstract class AbstractJob(val name: String) {
    abstract fun run(): Int

    fun describe(): String = "$name at ${SystemClock.now()}"
}
