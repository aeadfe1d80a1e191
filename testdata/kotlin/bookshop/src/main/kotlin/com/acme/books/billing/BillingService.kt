package com.acme.books.billing

import com.acme.books.common.Money
import com.acme.books.common.newId
import com.acme.books.ordering.service.BillingPort

class BillingService(
    private val invoices: InvoiceRepository,
    private val gateway: PaymentGateway,
) : BillingPort {
    override fun charge(orderId: Long, amount: Money): Boolean {
        val invoice = Invoice(newId(), orderId, amount)
        invoices.add(invoice)
        val auth = gateway.authorize(amount.amount.movePointRight(2).toLong())
        return auth.isApproved() && !invoice.isLarge()
    }

    fun approvedFor(orderId: Long): Boolean =
        invoices.byOrder(orderId).any { gateway.authorize(it.amount.amount.toLong()).isApproved() }
}
