package com.acme.shop.common;

import java.util.ArrayList;
import java.util.List;

/** One page of results; T is the element type. */
public class Page<T> {

    private final List<T> items = new ArrayList<>();
    private final int number;

    public Page(int number) {
        this.number = number;
    }

    public Page<T> add(T item) {
        items.add(item);
        return this;
    }

    public List<T> getItems() {
        return items;
    }

    public int getNumber() {
        return number;
    }
}
