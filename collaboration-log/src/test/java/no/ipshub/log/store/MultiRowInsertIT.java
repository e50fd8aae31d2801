package no.ipshub.log.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;
import no.ipshub.log.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/*
 * The multi-row insert on H2 and PostgreSQL: every row lands once, in full statements and a remainder, and the rows
 * of a statement that met a stored row are handed back (the store updates those cases).
 */
class MultiRowInsertIT {

    private static final MultiRowInsert<String> WITHDRAWN = new MultiRowInsert<>(
            "INSERT INTO log_withdrawn_participant (participant_key, reason, effective_on, recorded_at)", 4,
            "ON CONFLICT DO NOTHING", (ps, key, first) -> {
                ps.setString(first, key);
                ps.setString(first + 1, "CONSENT_REFUSED");
                ps.setObject(first + 2, LocalDate.of(2026, 1, 2));
                ps.setObject(first + 3, OffsetDateTime.of(2026, 1, 2, 0, 0, 0, 0, ZoneOffset.UTC));
            });

    @Test
    void onH2() {
        try (TestDatabase db = TestDatabase.h2()) {
            insertsEveryRowOnceAndHandsBackTheStatementsThatMetStoredRows(new JdbcTemplate(db.dataSource()));
        }
    }

    @Test
    void onPostgres() {
        assumeTrue(TestDatabase.postgresReachable(), () -> "PostgreSQL is not reachable at "
                + TestDatabase.postgresDescription());
        try (TestDatabase db = TestDatabase.postgres()) {
            insertsEveryRowOnceAndHandsBackTheStatementsThatMetStoredRows(new JdbcTemplate(db.dataSource()));
        }
    }

    private static void insertsEveryRowOnceAndHandsBackTheStatementsThatMetStoredRows(JdbcTemplate jdbc) {
        int rows = 2 * MultiRowInsert.ROWS_PER_STATEMENT + 5;
        List<String> keys = IntStream.range(0, rows).mapToObj(i -> "participant-" + i).toList();
        // one row of the second statement is stored already
        jdbc.update("INSERT INTO log_withdrawn_participant (participant_key, reason, effective_on, recorded_at) "
                + "VALUES (?, 'CONSENT_WITHDRAWN', DATE '2026-01-01', TIMESTAMP '2026-01-01 00:00:00')",
                keys.get(MultiRowInsert.ROWS_PER_STATEMENT + 3));

        List<String> notAllInserted = WITHDRAWN.insert(jdbc, keys);

        assertThat(notAllInserted).containsExactlyElementsOf(
                keys.subList(MultiRowInsert.ROWS_PER_STATEMENT, 2 * MultiRowInsert.ROWS_PER_STATEMENT));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM log_withdrawn_participant", Long.class)).isEqualTo(rows);
        assertThat(WITHDRAWN.insert(jdbc, keys)).containsExactlyElementsOf(keys);
    }
}
