package com.acme.data.mybatis;

import java.math.BigDecimal;

public class Order {
    private Long id;
    private Long customerId;
    private BigDecimal total;
}
