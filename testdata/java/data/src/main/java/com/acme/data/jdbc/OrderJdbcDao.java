package com.acme.data.jdbc;

import static com.acme.data.jdbc.Queries.INSERT_AUDIT;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** Plain JDBC: Statement, PreparedStatement, CallableStatement. */
public class OrderJdbcDao {
    private static final String TABLE = "orders";
    private static final String COUNT_LINES = "SELECT COUNT(*) FROM order_lines WHERE order_id = ?";
    private static final String BY_STATUS = "SELECT id FROM " + TABLE + " WHERE status = ?";

    private final DataSource dataSource;

    public OrderJdbcDao(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public int countOrders() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM orders");
            rs.next();
            return rs.getInt(1);
        }
    }

    public int countLines(long orderId) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(COUNT_LINES)) {
            ps.setLong(1, orderId);
            ResultSet rs = ps.executeQuery();
            rs.next();
            return rs.getInt(1);
        }
    }

    public void byStatus(String status) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(BY_STATUS)) {
            ps.setString(1, status);
            ps.executeQuery();
        }
    }

    public void deleteOlderThan(int days) throws SQLException {
        String sql = "DELETE FROM order_lines WHERE created < now() - " + days;
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate(sql);
        }
    }

    public void search(String customer, boolean paidOnly) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT o.id FROM orders o");
        sql.append(" JOIN customers cu ON cu.id = o.customer_id");
        sql.append(" WHERE cu.name = ?");
        if (paidOnly) {
            sql.append(" AND EXISTS (SELECT 1 FROM payments p WHERE p.order_id = o.id)");
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            ps.setString(1, customer);
            ps.executeQuery();
        }
    }

    public void archive(int year) throws SQLException {
        String sql = String.format("INSERT INTO orders_archive SELECT * FROM orders WHERE year = %d", year);
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    public void close(long id) throws SQLException {
        try (Connection c = dataSource.getConnection(); CallableStatement cs = c.prepareCall("{call close_order(?)}")) {
            cs.setLong(1, id);
            cs.execute();
        }
    }

    public long total(long id) throws SQLException {
        try (Connection c = dataSource.getConnection(); CallableStatement cs = c.prepareCall("{? = call order_total(?)}")) {
            cs.setLong(2, id);
            cs.execute();
            return cs.getLong(1);
        }
    }

    public void find(long id) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(Queries.FIND_ORDER)) {
            ps.setLong(1, id);
            ps.executeQuery();
        }
    }

    public void audit(String entity, String action) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT_AUDIT)) {
            ps.setString(1, entity);
            ps.setString(2, action);
            ps.executeUpdate();
        }
    }

    public void shipments() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.executeQuery("SELECT * FROM " + Queries.SHIPMENTS + " WHERE sent IS NULL");
        }
    }

    public void cancelAll() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.addBatch("UPDATE orders SET status = 'CANCELLED' WHERE status = 'OPEN'");
            st.executeBatch();
        }
    }

    public void report() throws SQLException {
        String sql = """
                SELECT c.name, SUM(o.total)
                FROM customers c JOIN orders o ON o.customer_id = c.id
                GROUP BY c.name
                """;
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.executeQuery(sql);
        }
    }

    /** The table comes from the caller: nothing is certain. */
    public void truncate(String table) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("TRUNCATE TABLE " + table);
        }
    }
}
