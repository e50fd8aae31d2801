package no.ipshub.partners;

import java.sql.SQLException;
import javax.sql.DataSource;
import no.ipshub.partners.support.PostgresTestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** The partner directory on PostgreSQL, the production database, in a throwaway schema. */
class PostgresPartnerDirectoryIT extends PartnerDirectoryContract {

    private final String schema = PostgresTestDatabase.newSchemaName("partners_");

    @BeforeAll
    static void requirePostgres() {
        PostgresTestDatabase.assumeReachable("partner directory tests");
    }

    @Override
    DataSource dataSource() {
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
