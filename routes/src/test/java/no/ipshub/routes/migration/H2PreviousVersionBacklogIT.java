package no.ipshub.routes.migration;

import javax.sql.DataSource;

/** The upgrade's backlog tests on H2 in PostgreSQL mode, the embedded default database. */
class H2PreviousVersionBacklogIT extends PreviousVersionBacklogContract {

    @Override
    DataSource freshDatabase() {
        return MigratedDatabases.h2();
    }
}
