@file:JvmName("Ids")

package com.acme.books.common

import java.util.concurrent.atomic.AtomicLong

private val sequence = AtomicLong(1000)

fun newId(): Long = sequence.incrementAndGet()
