package com.acme.model;

public class Cart {
	public int size;
}
