package no.ipshub.engine.error;

import org.springframework.jdbc.core.JdbcTemplate;

/** Asks the database for {@code select 1}: a route that writes to it dead-letters nothing while it does not answer. */
public final class DatabaseProbe implements DependencyProbe {

    private static final int TIMEOUT_SECONDS = 5;

    private final JdbcTemplate jdbc;

    public DatabaseProbe(JdbcTemplate jdbc) {
        this.jdbc = new JdbcTemplate(jdbc.getDataSource());
        this.jdbc.setQueryTimeout(TIMEOUT_SECONDS);
    }

    @Override
    public void check() {
        jdbc.queryForObject("select 1", Integer.class);
    }
}
