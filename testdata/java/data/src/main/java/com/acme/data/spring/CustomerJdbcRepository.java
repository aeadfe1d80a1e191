package com.acme.data.spring;

import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.SimpleJdbcCall;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import org.springframework.stereotype.Repository;

/** Spring JDBC: JdbcTemplate, NamedParameterJdbcTemplate, JdbcClient, SimpleJdbcInsert/Call. */
@Repository
public class CustomerJdbcRepository {
    private static final String SELECT_NAMES = "SELECT name FROM customers";

    private final JdbcTemplate jdbcTemplate;
    private final NamedParameterJdbcTemplate named;
    private final JdbcClient jdbcClient;
    private final SimpleJdbcInsert insertPoints;
    private final SimpleJdbcCall recalc;

    public CustomerJdbcRepository(DataSource ds, JdbcTemplate jdbcTemplate, NamedParameterJdbcTemplate named,
            JdbcClient jdbcClient) {
        this.jdbcTemplate = jdbcTemplate;
        this.named = named;
        this.jdbcClient = jdbcClient;
        this.insertPoints = new SimpleJdbcInsert(ds).withTableName("loyalty_points");
        this.recalc = new SimpleJdbcCall(ds).withProcedureName("recalc_loyalty");
    }

    public List<String> names() {
        return jdbcTemplate.queryForList(SELECT_NAMES + " ORDER BY name", String.class);
    }

    public int rename(long id, String name) {
        return jdbcTemplate.update("UPDATE customers SET name = ? WHERE id = ?", name, id);
    }

    public void tag(long id, String tag) {
        named.update("INSERT INTO customer_tags (customer_id, tag) VALUES (:id, :tag)", Map.of("id", id, "tag", tag));
    }

    public List<Map<String, Object>> addresses(long id) {
        return named.queryForList("SELECT * FROM addresses a WHERE a.customer_id = :id", Map.of("id", id));
    }

    public void purge() {
        jdbcTemplate.batchUpdate("DELETE FROM customer_tags WHERE tag IS NULL",
                "DELETE FROM addresses WHERE customer_id IS NULL");
    }

    public long active() {
        return jdbcClient.sql("SELECT count(*) FROM customers WHERE active").query(Long.class).single();
    }

    public List<String> regional(String region) {
        // The table name is built at run time: no access is certain.
        String sql = String.format("SELECT name FROM %s_customers", region);
        return jdbcTemplate.queryForList(sql, String.class);
    }

    public void award(long id, int points) {
        insertPoints.execute(Map.of("customer_id", id, "points", points));
        recalc.execute(Map.of("customer_id", id));
    }

    public void greet() {
        // Not SQL: a string that merely starts like a statement.
        jdbcTemplate.execute("select your favourite shop");
    }
}
