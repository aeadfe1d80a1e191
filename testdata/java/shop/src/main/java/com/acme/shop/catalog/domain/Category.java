package com.acme.shop.catalog.domain;

import com.acme.shop.common.Money;

/** Product categories with their VAT rate. */
public enum Category {
    BOOKS("Books", 7),
    ELECTRONICS("Electronics", 19),
    FOOD("Food", 7),
    TOYS("Toys", 19);

    private final String label;
    private final int vatPercent;

    Category(String label, int vatPercent) {
        this.label = label;
        this.vatPercent = vatPercent;
    }

    public String label() {
        return label;
    }

    public Money withVat(Money net) {
        return net.plus(net.percent(vatPercent));
    }

    public static Category fromLabel(String label) {
        for (Category c : values()) {
            if (c.label.equalsIgnoreCase(label)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown category: " + label);
    }
}
