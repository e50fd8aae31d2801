package no.ipshub.log.store;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import no.ipshub.log.support.TestDatabase;
import org.junit.jupiter.api.BeforeAll;

/**
 * The store contract on PostgreSQL, in a schema of its own that is dropped afterwards. Skipped, saying why, only
 * when no PostgreSQL answers at the configured address.
 */
class PostgresCollaborationLogStoreIT extends CollaborationLogStoreContract {

    @BeforeAll
    void database() {
        assumeTrue(TestDatabase.postgresReachable(),
                () -> "PostgreSQL is not reachable at " + TestDatabase.postgresDescription() + " (PGHOST, PGPORT, "
                        + "PGDATABASE, PGUSER, PGPASSWORD): skipping the PostgreSQL store tests");
        open(TestDatabase.postgres());
    }
}
