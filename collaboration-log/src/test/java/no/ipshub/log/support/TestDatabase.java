package no.ipshub.log.support;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * A migrated database of the collaboration log for store tests: H2 in PostgreSQL mode, or a fresh schema of its
 * own in the PostgreSQL named by the libpq variables PGHOST, PGPORT, PGDATABASE, PGUSER and PGPASSWORD
 * (default 127.0.0.1:5432, database test, user postgres), dropped again on close. Only this module's V3
 * migrations are applied.
 */
public final class TestDatabase implements AutoCloseable {

    private final HikariDataSource dataSource;
    private final Runnable cleanUp;

    private TestDatabase(HikariDataSource dataSource, Runnable cleanUp) {
        this.dataSource = dataSource;
        this.cleanUp = cleanUp;
        Flyway.configure().dataSource(dataSource).locations("filesystem:target/classes/db/migration")
                .load().migrate();
    }

    public static TestDatabase h2() {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl("jdbc:h2:mem:store-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        return new TestDatabase(ds, () -> { });
    }

    /** Where the PostgreSQL of the tests is, for messages. */
    public static String postgresDescription() {
        return env("PGUSER", "postgres") + "@" + env("PGHOST", "127.0.0.1") + ":" + env("PGPORT", "5432") + "/"
                + env("PGDATABASE", "test");
    }

    /** True when PostgreSQL answers within three seconds. */
    public static boolean postgresReachable() {
        DriverManager.setLoginTimeout(3);
        try (Connection c = DriverManager.getConnection(postgresUrl(null), env("PGUSER", "postgres"), env("PGPASSWORD", ""))) {
            return c.isValid(3);
        } catch (SQLException e) {
            return false;
        }
    }

    public static TestDatabase postgres() {
        String schema = "log_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        String user = env("PGUSER", "postgres");
        String password = env("PGPASSWORD", "");
        execute("CREATE SCHEMA " + schema, user, password);
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(postgresUrl(schema));
        ds.setUsername(user);
        ds.setPassword(password);
        ds.setMaximumPoolSize(6);
        return new TestDatabase(ds, () -> execute("DROP SCHEMA " + schema + " CASCADE", user, password));
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        dataSource.close();
        cleanUp.run();
    }

    private static String postgresUrl(String schema) {
        return "jdbc:postgresql://" + env("PGHOST", "127.0.0.1") + ":" + env("PGPORT", "5432") + "/" + env("PGDATABASE", "test")
                + (schema == null ? "" : "?currentSchema=" + schema);
    }

    private static void execute(String sql, String user, String password) {
        try (Connection c = DriverManager.getConnection(postgresUrl(null), user, password)) {
            c.createStatement().execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + postgresDescription() + ": " + e.getMessage(), e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
