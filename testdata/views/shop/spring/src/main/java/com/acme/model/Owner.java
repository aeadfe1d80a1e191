package com.acme.model;

public class Owner {
	public String name;
}
