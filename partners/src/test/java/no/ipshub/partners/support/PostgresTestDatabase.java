package no.ipshub.partners.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The local PostgreSQL the store tests run against (127.0.0.1:5432, database {@code test}, user
 * {@code postgres}), with a throwaway schema per test so that parallel runs never see each other's rows.
 */
public final class PostgresTestDatabase {

    public static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";

    private PostgresTestDatabase() {
    }

    /** Skips the calling test class, saying why, when PostgreSQL is unreachable. */
    public static void assumeReachable(String tests) {
        try (Connection c = server(null).getConnection()) {
            Assumptions.assumeTrue(c.isValid(5));
        } catch (SQLException e) {
            Assumptions.abort("PostgreSQL at " + URL + " (user postgres) is unreachable, skipping the " + tests
                    + ": " + e.getMessage());
        }
    }

    /** A new, unique schema name starting with {@code prefix}. */
    public static String newSchemaName(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** A data source whose connections work in {@code schema}. */
    public static DataSource inSchema(String schema) {
        return server(schema);
    }

    /** Drops {@code schema} and everything in it. */
    public static void dropSchema(String schema) throws SQLException {
        try (Connection c = server(null).getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
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
}
