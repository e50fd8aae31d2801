package no.ipshub.log.store;

import no.ipshub.log.support.TestDatabase;
import org.junit.jupiter.api.BeforeAll;

/** The store contract on H2 in PostgreSQL mode, the hub's embedded default database. */
class H2CollaborationLogStoreIT extends CollaborationLogStoreContract {

    @BeforeAll
    void database() {
        open(TestDatabase.h2());
    }
}
