package com.acme.shop.catalog.domain;

import com.acme.shop.common.Money;

/** One pricing step: takes the current price of a product and returns the adjusted price. */
@FunctionalInterface
public interface PriceRule {

    Money apply(Product product, Money current);

    default PriceRule andThen(PriceRule next) {
        return (product, current) -> next.apply(product, apply(product, current));
    }
}
