package no.ipshub.operations.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The dead-letter index on every database the hub supports: each subclass supplies a fresh, empty database and
 * the Flyway migrations on the classpath create the tables.
 */
abstract class DeadLetterStoreContract {

    private static final Instant T0 = Instant.parse("2025-06-02T10:00:00Z");
    private static final String INGRESS = "ips.ingress.haukeland-tsb-v1";

    private DeadLetterStore store;

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
        store = new DeadLetterStore(new JdbcTemplate(dataSource),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
    }

    private static IndexedDeadLetter letter(String partner, String value, String reason, Instant at, long offset) {
        byte[] original = value.getBytes(StandardCharsets.UTF_8);
        return new IndexedDeadLetter(new DeadLetterEntry(UUID.randomUUID().toString(), partner, reason, "why it failed",
                null, "partner-ingress", INGRESS, 0, offset, at, at, 1, DeadLetterStatus.OPEN, original.length, 0, null,
                null, null), "case-1".getBytes(StandardCharsets.UTF_8), original);
    }

    @Test
    void anIndexedDeadLetterIsAnOpenEntryWithItsOriginalBytes() {
        IndexedDeadLetter l = letter("haukeland-tsb", "garbage", "WRONG_MAGIC_BYTE", T0, 7);

        store.index(List.of(l), T0);

        DeadLetterEntry entry = store.find(l.deadLetterId()).orElseThrow();
        assertThat(entry.status()).isEqualTo(DeadLetterStatus.OPEN);
        assertThat(entry.sourceOffset()).isEqualTo(7);
        assertThat(entry.lastFailureAt()).isEqualTo(T0);
        assertThat(store.original(l.deadLetterId()).orElseThrow().value()).isEqualTo(l.originalValue());
    }

    @Test
    void readingTheSameRecordAgainIndexesItOnce() {
        IndexedDeadLetter l = letter("haukeland-tsb", "garbage", "WRONG_MAGIC_BYTE", T0, 7);

        store.index(List.of(l), T0);
        int added = store.index(List.of(l), T0.plusSeconds(5));

        assertThat(added).isZero();
        assertThat(store.find(l.deadLetterId()).orElseThrow().attempts()).isEqualTo(1);
    }

    @Test
    void theSameBytesFailingAgainUpdateTheEntryAndReopenIt() {
        IndexedDeadLetter first = letter("haukeland-tsb", "still bad", "WRONG_MAGIC_BYTE", T0, 7);
        store.index(List.of(first), T0);
        store.markReplayed(List.of(first.deadLetterId()), "ops", T0.plusSeconds(10));

        store.index(List.of(letter("haukeland-tsb", "still bad", "WRONG_MAGIC_BYTE", T0.plusSeconds(20), 9)),
                T0.plusSeconds(20));

        DeadLetterEntry entry = store.find(first.deadLetterId()).orElseThrow();
        assertThat(entry.attempts()).isEqualTo(2);
        assertThat(entry.status()).isEqualTo(DeadLetterStatus.OPEN);
        assertThat(entry.firstFailureAt()).isEqualTo(T0);
        assertThat(entry.lastFailureAt()).isEqualTo(T0.plusSeconds(20));
        assertThat(entry.sourceOffset()).isEqualTo(9);
        assertThat(store.page(DeadLetterFilter.all(), 0, 50).total()).isEqualTo(1);
    }

    @Test
    void bytesWithoutAKnownPartnerAreMatchedToo() {
        store.index(List.of(letter(null, "no partner", "UNKNOWN_PARTNER", T0, 1)), T0);
        store.index(List.of(letter(null, "no partner", "UNKNOWN_PARTNER", T0.plusSeconds(1), 2)), T0);

        assertThat(store.page(DeadLetterFilter.all(), 0, 50).items()).singleElement()
                .extracting(DeadLetterEntry::attempts).isEqualTo(2);
    }

    @Test
    void theSameBytesFromAnotherPartnerAreAnotherEntry() {
        store.index(List.of(letter("haukeland-tsb", "same", "WRONG_MAGIC_BYTE", T0, 1),
                letter("nav-bergenhus", "same", "WRONG_MAGIC_BYTE", T0, 2)), T0);

        assertThat(store.page(DeadLetterFilter.all(), 0, 50).total()).isEqualTo(2);
    }

    @Test
    void aDiscardedEntryIsNotReopenedByTheSameBytes() {
        IndexedDeadLetter first = letter("haukeland-tsb", "given up", "WRONG_MAGIC_BYTE", T0, 1);
        store.index(List.of(first), T0);
        store.markDiscarded(first.deadLetterId(), "known test data", "ops", T0.plusSeconds(1));

        store.index(List.of(letter("haukeland-tsb", "given up", "WRONG_MAGIC_BYTE", T0.plusSeconds(2), 2)), T0);

        assertThat(store.find(first.deadLetterId()).orElseThrow().status()).isEqualTo(DeadLetterStatus.DISCARDED);
        assertThat(store.page(DeadLetterFilter.all().withStatus(DeadLetterStatus.OPEN), 0, 50).total()).isEqualTo(1);
    }

    @Test
    void discardRecordsReasonOperatorAndTime() {
        IndexedDeadLetter l = letter("haukeland-tsb", "discard me", "INVALID_CONTENT", T0, 1);
        store.index(List.of(l), T0);

        boolean discarded = store.markDiscarded(l.deadLetterId(), "partner resent it fixed", "ops-anne", T0.plusSeconds(60));

        DeadLetterEntry entry = store.find(l.deadLetterId()).orElseThrow();
        assertThat(discarded).isTrue();
        assertThat(entry.discardReason()).isEqualTo("partner resent it fixed");
        assertThat(entry.decidedBy()).isEqualTo("ops-anne");
        assertThat(entry.decidedAt()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void onlyAnOpenEntryCanBeDiscarded() {
        IndexedDeadLetter l = letter("haukeland-tsb", "twice", "INVALID_CONTENT", T0, 1);
        store.index(List.of(l), T0);
        store.markDiscarded(l.deadLetterId(), "first", "ops", T0);

        assertThat(store.markDiscarded(l.deadLetterId(), "second", "ops", T0)).isFalse();
    }

    @Test
    void aDiscardedEntryIsNotMarkedReplayed() {
        IndexedDeadLetter l = letter("haukeland-tsb", "discarded", "INVALID_CONTENT", T0, 1);
        store.index(List.of(l), T0);
        store.markDiscarded(l.deadLetterId(), "no", "ops", T0);

        assertThat(store.markReplayed(List.of(l.deadLetterId()), "ops", T0)).isEmpty();
    }

    @Test
    void replayingCountsEachReplay() {
        IndexedDeadLetter l = letter("haukeland-tsb", "replay me", "INVALID_CONTENT", T0, 1);
        store.index(List.of(l), T0);

        store.markReplayed(List.of(l.deadLetterId()), "ops", T0.plusSeconds(1));
        store.markReplayed(List.of(l.deadLetterId()), "ops", T0.plusSeconds(2));

        DeadLetterEntry entry = store.find(l.deadLetterId()).orElseThrow();
        assertThat(entry.replayCount()).isEqualTo(2);
        assertThat(entry.status()).isEqualTo(DeadLetterStatus.REPLAYED);
    }

    @Test
    void pagesListTheLatestFailureFirstAndCountAllMatches() {
        for (int i = 0; i < 5; i++) {
            store.index(List.of(letter("haukeland-tsb", "m" + i, "WRONG_MAGIC_BYTE", T0.plusSeconds(i), i)), T0);
        }

        DeadLetterStore.Page page = store.page(DeadLetterFilter.all(), 1, 2);

        assertThat(page.total()).isEqualTo(5);
        assertThat(page.items()).extracting(DeadLetterEntry::sourceOffset).containsExactly(2L, 1L);
    }

    @Test
    void theFilterSelectsByPartnerReasonAndTime() {
        store.index(List.of(
                letter("haukeland-tsb", "a", "WRONG_MAGIC_BYTE", T0, 1),
                letter("haukeland-tsb", "b", "INVALID_CONTENT", T0.plusSeconds(3600), 2),
                letter("nav-bergenhus", "c", "INVALID_CONTENT", T0.plusSeconds(3600), 3)), T0);

        DeadLetterFilter filter = DeadLetterFilter.parse("haukeland-tsb", "INVALID_CONTENT", null,
                T0.plusSeconds(60).toString(), null, ZoneOffset.UTC);

        assertThat(store.page(filter, 0, 50).items()).extracting(DeadLetterEntry::sourceOffset).containsExactly(2L);
    }

    @Test
    void idsOfAFilterComeOldestFirstUpToTheLimit() {
        for (int i = 0; i < 4; i++) {
            store.index(List.of(letter("haukeland-tsb", "id" + i, "WRONG_MAGIC_BYTE", T0.plusSeconds(i), i)), T0);
        }

        List<String> ids = store.ids(DeadLetterFilter.all(), 2);

        assertThat(ids).hasSize(2);
        assertThat(store.find(ids.get(0)).orElseThrow().sourceOffset()).isZero();
    }

    @Test
    void countsByReasonAndPartnerFollowTheEntries() {
        IndexedDeadLetter a = letter("haukeland-tsb", "x", "WRONG_MAGIC_BYTE", T0, 1);
        store.index(List.of(a, letter("haukeland-tsb", "y", "WRONG_MAGIC_BYTE", T0.plusSeconds(5), 2),
                letter("nav-bergenhus", "z", "INVALID_CONTENT", T0, 3)), T0);
        store.markDiscarded(a.deadLetterId(), "no", "ops", T0);

        DeadLetterCounts counts = DeadLetterCounts.of(store.countsByReason());
        DeadLetterStore.PartnerDeadLetters team = store.byPartner().get("haukeland-tsb");

        assertThat(counts.open()).isEqualTo(2);
        assertThat(counts.discarded()).isEqualTo(1);
        assertThat(team.open()).isEqualTo(1);
        assertThat(team.lastFailureAt()).isEqualTo(T0.plusSeconds(5));
    }
}
