package com.acme.web;

public class Formats {
	public static String money(int cents) {
		return "owners/details";
	}
}
