package com.acme.data.hibernate;

public class Customer {
    private Long id;
    private String name;
}
