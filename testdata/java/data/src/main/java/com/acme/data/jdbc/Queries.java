package com.acme.data.jdbc;

/** SQL shared by the JDBC DAOs: constants other files use. */
public final class Queries {
    public static final String ORDER_COLUMNS = "o.id, o.customer_id, o.total";
    public static final String FIND_ORDER = "SELECT " + ORDER_COLUMNS
            + " FROM orders o JOIN order_status s ON s.order_id = o.id WHERE o.id = ?";
    public static final String INSERT_AUDIT = """
            INSERT INTO audit_log (entity, action, at)
            VALUES (?, ?, CURRENT_TIMESTAMP)
            """;
    public static final String SHIPMENTS = "shipments";
    public static final int PAGE = 50;

    private Queries() {
    }
}
