package no.ipshub.routes.store;

import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The store tests on H2 in PostgreSQL mode, the embedded default database. */
class H2StoreIT extends StoreContract {

    private DataSource dataSource;

    @Override
    DataSource dataSource() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:store-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        dataSource = h2;
        return dataSource;
    }

    @Override
    String schema() {
        return null;
    }

    @Test
    void inboxSeqValuesComeFromACacheOfAThousand() {
        Long cache = new JdbcTemplate(dataSource).queryForObject("SELECT identity_cache FROM information_schema.columns"
                + " WHERE table_name = 'inbox_message' AND column_name = 'seq'", Long.class);

        assertThat(cache).isEqualTo(1000L);
    }
}
