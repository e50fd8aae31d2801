package no.ipshub.connectors.webhook;

import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/** The webhook store tests on H2 in PostgreSQL mode, a fresh in-memory database per test. */
class WebhookStoreH2IT extends WebhookStoreContract {

    @Override
    DataSource dataSource() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:webhook-store-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        return h2;
    }
}
