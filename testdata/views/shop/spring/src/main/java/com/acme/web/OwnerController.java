package com.acme.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.servlet.ModelAndView;

import com.acme.model.Owner;

@Controller
public class OwnerController {
	private static final String FORM = "owners/form";

	public String show() {
		return "owners/details";
	}

	public String edit() {
		return FORM;
	}

	public String save() {
		return "redirect:/owners";
	}

	public Owner owner() {
		Owner owner = new Owner();
		return owner;
	}

	public ModelAndView list() {
		return new ModelAndView("owners/missing");
	}
}
