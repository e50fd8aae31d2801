package no.ipshub.routes.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import no.ipshub.routes.inbox.LegacyInbox;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The routes module's tables, the same tests on every database the hub supports: each subclass supplies a fresh,
 * empty database; the module's Flyway migrations create the tables. What is left of them on the message path is
 * the inbox rows of earlier versions, read-only, and where each inbox continues on its topic.
 */
abstract class StoreContract {

    private static final OffsetDateTime AT = OffsetDateTime.of(2025, 6, 2, 10, 0, 0, 0, ZoneOffset.UTC);

    private JdbcTemplate jdbc;
    private LegacyInbox legacy;

    /** A fresh database, migrated by nothing yet. */
    abstract DataSource dataSource();

    /** The schema Flyway migrates; null for the connection's default. */
    abstract String schema();

    @BeforeEach
    void migrate() {
        DataSource dataSource = dataSource();
        var flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration");
        if (schema() != null) {
            flyway.schemas(schema());
        }
        flyway.load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        legacy = new LegacyInbox(jdbc);
    }

    /** A row as the previous version wrote it when it delivered a message. */
    private void previousVersionDelivered(String recipient, String messageId) {
        jdbc.update("INSERT INTO inbox_message (recipient, message_id, case_id, sender, wire_bytes, source_topic,"
                + " source_partition, source_offset, created_at) VALUES (?, ?, 'case-1', 'haukeland-tsb', ?,"
                + " 'ips.referral-v1', 0, 0, ?)", recipient, messageId, new byte[] {0, 0, 0, 0, 1}, AT);
    }

    private long seqOf(String messageId) {
        return jdbc.queryForObject("SELECT seq FROM inbox_message WHERE message_id = ?", Long.class, messageId);
    }

    @Test
    void partnerWithRowsOfThePreviousVersionHoldsRows() {
        previousVersionDelivered("nav-bergenhus", UUID.randomUUID().toString());

        assertThat(legacy.holdsRows("nav-bergenhus")).isTrue();
    }

    @Test
    void partnerWithoutRowsHoldsNone() {
        previousVersionDelivered("nav-bergenhus", UUID.randomUUID().toString());

        assertThat(legacy.holdsRows("nav-arstad")).isFalse();
    }

    @Test
    void rowsAfterASeqComeOldestFirstUpToTheLimit() {
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        String third = UUID.randomUUID().toString();
        previousVersionDelivered("nav-bergenhus", first);
        previousVersionDelivered("nav-bergenhus", second);
        previousVersionDelivered("nav-bergenhus", third);

        assertThat(legacy.after("nav-bergenhus", seqOf(first), 1)).extracting(LegacyInbox.Row::seq)
                .containsExactly(seqOf(second));
    }

    @Test
    void handoverReadsBackByPartition() {
        legacy.recordHandover("nav-bergenhus", Map.of(0, 12L, 1, 0L));

        assertThat(legacy.handover("nav-bergenhus")).isEqualTo(Map.of(0, 12L, 1, 0L));
    }

    @Test
    void handoverRecordedAgainKeepsTheFirst() {
        legacy.recordHandover("nav-bergenhus", Map.of(0, 12L));

        legacy.recordHandover("nav-bergenhus", Map.of(0, 99L));

        assertThat(legacy.handover("nav-bergenhus")).isEqualTo(Map.of(0, 12L));
    }

    @Test
    void partnersWithRowsAndNoHandoverAreThoseStillToMigrate() {
        previousVersionDelivered("nav-bergenhus", UUID.randomUUID().toString());
        previousVersionDelivered("nav-arstad", UUID.randomUUID().toString());
        legacy.recordHandover("nav-arstad", Map.of(0, 1L));

        assertThat(legacy.recipientsWithoutHandover()).containsExactly("nav-bergenhus");
    }

    @Test
    void messageInTheRowsIsFoundByItsId() {
        String id = UUID.randomUUID().toString();
        previousVersionDelivered("nav-bergenhus", id);

        assertThat(legacy.contains("nav-bergenhus", id)).isTrue();
    }
}
