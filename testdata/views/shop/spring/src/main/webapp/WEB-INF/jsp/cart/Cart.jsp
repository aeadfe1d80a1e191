<%@ include file="../common/IncludeTop.jsp" %>
<%@ page import="com.acme.model.Cart, java.util.List" %>
<%@ page import="com.acme.model.*" %>
<jsp:useBean id="owner" class="com.acme.model.Owner" scope="request"/>
<stripes:form beanclass="com.acme.web.CartActionBean">
  ${actionBean.cart.size}
</stripes:form>
<jsp:include page="/WEB-INF/jsp/common/IncludeBottom.jsp"/>
<jsp:include page="<%= dynamicPage %>"/>
<%@ page import="com.acme.model.Gone" %>
