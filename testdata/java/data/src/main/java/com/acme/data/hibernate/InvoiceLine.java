package com.acme.data.hibernate;

import java.math.BigDecimal;

public class InvoiceLine {
    private Long id;
    private Invoice invoice;
    private BigDecimal amount;
}
