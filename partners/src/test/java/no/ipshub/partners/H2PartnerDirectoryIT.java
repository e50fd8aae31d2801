package no.ipshub.partners;

import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/** The partner directory on H2 in PostgreSQL mode, the embedded default database. */
class H2PartnerDirectoryIT extends PartnerDirectoryContract {

    @Override
    DataSource dataSource() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:partners-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        return h2;
    }

    @Override
    String schema() {
        return null;
    }
}
