package no.ipshub.routes.migration;

import java.util.UUID;
import javax.sql.DataSource;
import no.ipshub.partners.support.PostgresTestDatabase;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/** Fresh databases with the hub's tables for the upgrade tests: the shared test database is the application's own. */
final class MigratedDatabases {

    private MigratedDatabases() {
    }

    /** A new in-memory H2 database in PostgreSQL mode, as the hub configures its embedded one. */
    static DataSource h2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:upgrade-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        return migrated(h2, null);
    }

    /** A new schema on the local PostgreSQL (drop it with {@link PostgresTestDatabase#dropSchema}). */
    static DataSource postgres(String schema) {
        return migrated(PostgresTestDatabase.inSchema(schema), schema);
    }

    private static DataSource migrated(DataSource dataSource, String schema) {
        var flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration");
        if (schema != null) {
            flyway.schemas(schema);
        }
        flyway.load().migrate();
        return dataSource;
    }
}
