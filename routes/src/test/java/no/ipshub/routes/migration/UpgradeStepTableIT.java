package no.ipshub.routes.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/*
 * The upgrade_step table arrives on a database at version 1.5: the tables of the version with database inboxes
 * plus inbox_handover. Where the move from that version already ran to its end (handovers recorded, its state
 * tables emptied), the step is recorded as completed; where its state is still in the tables, it is left to run.
 */
class UpgradeStepTableIT {

    private static final OffsetDateTime AT = OffsetDateTime.of(2025, 6, 2, 10, 0, 0, 0, ZoneOffset.UTC);

    private JdbcDataSource database;
    private JdbcTemplate jdbc;

    @BeforeEach
    void databaseAtVersionOnePointFive() {
        database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:upgrade-step-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        flyway().target("1.5").load().migrate();
        jdbc = new JdbcTemplate(database);
    }

    private FluentConfiguration flyway() {
        return Flyway.configure().dataSource(database).locations("classpath:db/migration");
    }

    private List<OffsetDateTime> previousVersionStepCompletedAt() {
        flyway().load().migrate();
        return jdbc.queryForList("SELECT completed_at FROM upgrade_step WHERE step = ?", OffsetDateTime.class,
                PreviousVersionMigration.STEP);
    }

    @Test
    void aDatabaseTheMoveAlreadyRanOnHasTheStepCompleted() {
        jdbc.update("INSERT INTO inbox_handover (recipient, partition_no, start_offset) VALUES ('nav-bergenhus', 0, 7)");

        assertThat(previousVersionStepCompletedAt()).singleElement().isNotNull();
    }

    @Test
    void aDatabaseWithThePreviousVersionsStateLeavesTheStepToRun() {
        jdbc.update("INSERT INTO inbox_handover (recipient, partition_no, start_offset) VALUES ('nav-bergenhus', 0, 7)");
        jdbc.update("INSERT INTO case_party (case_id, team, nav_office, opened_by_message_id, opened_at)"
                + " VALUES ('case-1', 'haukeland-tsb', 'nav-bergenhus', ?, ?)", UUID.randomUUID().toString(), AT);

        assertThat(previousVersionStepCompletedAt()).isEmpty();
    }
}
