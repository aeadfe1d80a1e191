package com.acme.books.billing;

import com.acme.books.common.AbstractJob;
import com.acme.books.common.Ids;
import com.acme.books.common.Money;
import com.acme.books.common.StringsKt;
import com.acme.books.common.SystemClock;

import java.util.List;

/** A nightly job, in Java, over the Kotlin billing model. */
public class LedgerJob extends AbstractJob {
    private final InvoiceRepository invoices;

    public LedgerJob(InvoiceRepository invoices) {
        super("ledger");
        this.invoices = invoices;
    }

    @Override
    public int run() {
        List<Invoice> open = invoices.byOrder(Ids.newId());
        Money total = Money.Companion.of(0);
        for (Invoice i : open) {
            total = total.plus(i.getAmount());
        }
        String key = StringsKt.slug(getName() + " " + SystemClock.INSTANCE.now());
        Invoice closing = new Invoice(Ids.newId(), 0L, total);
        return closing.getAmount().compareTo(Money.Companion.getZERO()) + key.length();
    }
}
