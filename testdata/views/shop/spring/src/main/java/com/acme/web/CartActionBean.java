package com.acme.web;

import net.sourceforge.stripes.action.ForwardResolution;
import net.sourceforge.stripes.action.Resolution;

public class CartActionBean {
	public Resolution error() {
		return new ForwardResolution("/WEB-INF/jsp/common/Error.jsp");
	}
}
