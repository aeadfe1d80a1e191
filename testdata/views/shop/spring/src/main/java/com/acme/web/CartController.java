package com.acme.web;

import org.springframework.stereotype.Controller;

@Controller
public class CartController {
	private static final String CART = "cart/Cart";

	public String view() {
		return CART;
	}
}
