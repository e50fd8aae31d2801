package no.ipshub.operations.deadletter;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The dead-letter index on PostgreSQL at 127.0.0.1:5432 (database {@code test}, user {@code postgres}), each
 * test in a schema of its own that is dropped afterwards. Skipped, saying why, when PostgreSQL is unreachable.
 */
class DeadLetterStorePostgresIT extends DeadLetterStoreContract {

    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
    private String schema;

    @BeforeAll
    static void requirePostgres() {
        try (Connection c = server(null).getConnection()) {
            Assumptions.assumeTrue(c.isValid(5));
        } catch (SQLException e) {
            Assumptions.abort("PostgreSQL at " + URL + " (user postgres) is unreachable, skipping the PostgreSQL "
                    + "dead-letter index tests: " + e.getMessage());
        }
    }

    private static PGSimpleDataSource server(String schema) {
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setUrl(URL);
        pg.setUser("postgres");
        pg.setConnectTimeout(5);
        if (schema != null) {
            pg.setCurrentSchema(schema);
        }
        return pg;
    }

    @Override
    DataSource dataSource() {
        schema = "hub_dl_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        return server(schema);
    }

    @Override
    String schema() {
        return schema;
    }

    @AfterEach
    void dropSchema() throws SQLException {
        try (Connection c = server(null).getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }
}
