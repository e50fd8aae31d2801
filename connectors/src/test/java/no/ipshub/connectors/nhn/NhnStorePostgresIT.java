package no.ipshub.connectors.nhn;

import java.sql.SQLException;
import javax.sql.DataSource;
import no.ipshub.partners.support.PostgresTestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * The Norsk helsenett tables on PostgreSQL at 127.0.0.1:5432 (database {@code test}, user {@code postgres}), each
 * test in a schema of its own that is dropped afterwards. Skipped, saying why, when PostgreSQL is unreachable.
 */
class NhnStorePostgresIT extends NhnStoreContract {

    private String schema;

    @BeforeAll
    static void requirePostgres() {
        PostgresTestDatabase.assumeReachable("PostgreSQL Norsk helsenett store tests");
    }

    @Override
    DataSource dataSource() {
        schema = PostgresTestDatabase.newSchemaName("nhn_it_");
        return PostgresTestDatabase.inSchema(schema);
    }

    @Override
    String schema() {
        return schema;
    }

    @AfterEach
    void dropSchema() throws SQLException {
        PostgresTestDatabase.dropSchema(schema);
    }
}
