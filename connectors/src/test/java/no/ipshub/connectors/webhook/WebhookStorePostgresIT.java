package no.ipshub.connectors.webhook;

import java.sql.SQLException;
import javax.sql.DataSource;
import no.ipshub.partners.support.PostgresTestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * The webhook store tests on PostgreSQL at 127.0.0.1:5432 (database {@code test}, user {@code postgres}), each test in a
 * schema of its own that is dropped afterwards. Skipped, saying why, when PostgreSQL is unreachable.
 */
class WebhookStorePostgresIT extends WebhookStoreContract {

    private String schema;

    @BeforeAll
    static void requirePostgres() {
        PostgresTestDatabase.assumeReachable("PostgreSQL webhook store tests");
    }

    @Override
    DataSource dataSource() {
        schema = PostgresTestDatabase.newSchemaName("webhooks_it_");
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
