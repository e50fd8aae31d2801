package no.ipshub.routes.store;

import java.sql.SQLException;
import javax.sql.DataSource;
import no.ipshub.partners.support.PostgresTestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store tests on PostgreSQL at 127.0.0.1:5432 (database {@code test}, user {@code postgres}), each test in a
 * schema of its own that is dropped afterwards. Skipped, saying why, when PostgreSQL is unreachable.
 */
class PostgresStoreIT extends StoreContract {

    private String schema;

    @BeforeAll
    static void requirePostgres() {
        PostgresTestDatabase.assumeReachable("PostgreSQL store tests");
    }

    @Override
    DataSource dataSource() {
        schema = PostgresTestDatabase.newSchemaName("routes_it_");
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

    @Test
    void inboxSeqValuesAreNotCachedPerConnection() {
        Long cache = new JdbcTemplate(PostgresTestDatabase.inSchema(schema)).queryForObject("SELECT cache_size"
                + " FROM pg_sequences WHERE schemaname = ? AND sequencename LIKE 'inbox_message_seq%'", Long.class, schema);

        assertThat(cache).isEqualTo(1L);
    }
}
