package no.ipshub.connectors.outbound;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Column conversions and the per-state count of an outbox table ({@code webhook_delivery}, {@code nhn_delivery}):
 * timestamps are stored in UTC, texts clipped to their column, and every state is counted, also when it has no row.
 */
public final class OutboxRows {

    private OutboxRows() {
    }

    /** The column value of an instant. */
    public static OffsetDateTime ts(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** The instant of a column value; null for null. */
    public static Instant instant(OffsetDateTime ts) {
        return ts == null ? null : ts.toInstant();
    }

    /** The text cut to at most {@code length} characters; null for null. */
    public static String clip(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }

    /** Rows of {@code table} per state, every state of {@code states} present. */
    public static <S extends Enum<S>> Map<S, Long> countsByState(JdbcTemplate jdbc, String table, Class<S> states) {
        Map<S, Long> counts = new LinkedHashMap<>();
        for (S state : states.getEnumConstants()) {
            counts.put(state, 0L);
        }
        jdbc.query("SELECT state, COUNT(*) FROM " + table + " GROUP BY state",
                rs -> {
                    counts.put(Enum.valueOf(states, rs.getString(1)), rs.getLong(2));
                });
        return counts;
    }
}
