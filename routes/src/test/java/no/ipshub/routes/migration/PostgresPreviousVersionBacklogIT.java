package no.ipshub.routes.migration;

import java.sql.SQLException;
import javax.sql.DataSource;
import no.ipshub.partners.support.PostgresTestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * The upgrade's backlog tests on PostgreSQL at 127.0.0.1:5432, each test in a schema of its own that is dropped
 * afterwards. Skipped, saying why, when PostgreSQL is unreachable.
 */
class PostgresPreviousVersionBacklogIT extends PreviousVersionBacklogContract {

    private String schema;

    @BeforeAll
    static void requirePostgres() {
        PostgresTestDatabase.assumeReachable("PostgreSQL upgrade tests");
    }

    @Override
    DataSource freshDatabase() {
        schema = PostgresTestDatabase.newSchemaName("upgrade_it_");
        return MigratedDatabases.postgres(schema);
    }

    @AfterEach
    void dropSchema() throws SQLException {
        PostgresTestDatabase.dropSchema(schema);
    }
}
