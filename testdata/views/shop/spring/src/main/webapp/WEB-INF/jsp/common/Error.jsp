<%@ include file="IncludeTop.jsp" %>
<p>Error</p>
<%@ include file="IncludeBottom.jsp" %>
