package com.acme.data.spring;

import java.util.List;
import org.springframework.jdbc.core.support.JdbcDaoSupport;

/** A DAO that reaches its JdbcTemplate through an inherited accessor. */
public class RegionDao extends JdbcDaoSupport {

    public List<String> regions() {
        return getJdbcTemplate().queryForList("SELECT code FROM regions ORDER BY code", String.class);
    }

    public void rename(String code, String name) {
        getJdbcTemplate().update("UPDATE regions SET name = ? WHERE code = ?", name, code);
    }
}
