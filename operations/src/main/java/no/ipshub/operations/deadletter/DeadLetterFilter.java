package no.ipshub.operations.deadletter;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import no.ipshub.schemas.v1.DeadLetterReason;

/**
 * Which dead letters an operator asks for: by partner, reason code, status and time of the last failure
 * ({@code from} inclusive, {@code to} exclusive). Every part is optional.
 *
 * @param partner    partner id, or null for all
 * @param reasonCode a {@code DeadLetterReason} symbol, or null for all
 * @param status     OPEN, REPLAYED or DISCARDED, or null for all
 * @param from       earliest last-failure time, or null
 * @param to         last-failure times before this, or null
 */
public record DeadLetterFilter(String partner, String reasonCode, DeadLetterStatus status, Instant from, Instant to) {

    private static final Pattern PARTNER_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    public DeadLetterFilter {
        if (from != null && to != null && !from.isBefore(to)) {
            throw DeadLetterRequestException.invalid("to", "must be after 'from'");
        }
    }

    /** No restriction: every dead letter. */
    public static DeadLetterFilter all() {
        return new DeadLetterFilter(null, null, null, null, null);
    }

    /**
     * A filter from request parameters; blank means "any". Times are ISO-8601 instants
     * ({@code 2025-03-03T09:00:00Z}), local date-times or dates in {@code zone}; a date in {@code to} includes
     * that whole day.
     *
     * @throws DeadLetterRequestException naming the parameter at fault
     */
    public static DeadLetterFilter parse(String partner, String reason, String status, String from, String to,
            ZoneId zone) {
        return new DeadLetterFilter(
                parsePartner(blankToNull(partner)),
                parseReason(blankToNull(reason)),
                parseStatus(blankToNull(status)),
                parseTime("from", blankToNull(from), zone, false),
                parseTime("to", blankToNull(to), zone, true));
    }

    /** The same filter restricted to one status. */
    public DeadLetterFilter withStatus(DeadLetterStatus newStatus) {
        return new DeadLetterFilter(partner, reasonCode, newStatus, from, to);
    }

    /** True when nothing is restricted. */
    public boolean isEmpty() {
        return partner == null && reasonCode == null && status == null && from == null && to == null;
    }

    /** The SQL condition on table {@code dead_letter} with its named parameters; {@code 1=1} when empty. */
    public Where where() {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (partner != null) {
            conditions.add("partner = :partner");
            params.put("partner", partner);
        }
        if (reasonCode != null) {
            conditions.add("reason_code = :reasonCode");
            params.put("reasonCode", reasonCode);
        }
        if (status != null) {
            conditions.add("status = :status");
            params.put("status", status.name());
        }
        if (from != null) {
            conditions.add("last_failure_at >= :from");
            params.put("from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
        }
        if (to != null) {
            conditions.add("last_failure_at < :to");
            params.put("to", OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
        }
        return new Where(conditions.isEmpty() ? "1=1" : String.join(" AND ", conditions), params);
    }

    /**
     * A SQL condition and its named parameters.
     *
     * @param sql    the condition, to follow {@code WHERE}
     * @param params values by parameter name; times as UTC {@link OffsetDateTime}s, which every JDBC driver takes
     */
    public record Where(String sql, Map<String, Object> params) {
    }

    private static String parsePartner(String partner) {
        if (partner != null && !PARTNER_ID.matcher(partner).matches()) {
            throw DeadLetterRequestException.invalid("partner", "must be a partner id: lower-case letters, digits and dashes");
        }
        return partner;
    }

    private static String parseReason(String reason) {
        if (reason == null) {
            return null;
        }
        String upper = reason.toUpperCase(Locale.ROOT);
        for (DeadLetterReason r : DeadLetterReason.values()) {
            if (r.name().equals(upper)) {
                return upper;
            }
        }
        throw DeadLetterRequestException.invalid("reason", "must be one of " + List.of(DeadLetterReason.values()));
    }

    private static DeadLetterStatus parseStatus(String status) {
        if (status == null) {
            return null;
        }
        try {
            return DeadLetterStatus.valueOf(status.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DeadLetterRequestException.invalid("status", "must be one of " + List.of(DeadLetterStatus.values()));
        }
    }

    private static Instant parseTime(String field, String value, ZoneId zone, boolean endOfDay) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException notInstant) {
            // a local form follows
        }
        try {
            return LocalDateTime.parse(value).atZone(zone).toInstant();
        } catch (DateTimeParseException notLocalDateTime) {
            // a date follows
        }
        try {
            LocalDate date = LocalDate.parse(value);
            return (endOfDay ? date.plusDays(1) : date).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw DeadLetterRequestException.invalid(field,
                    "must be an ISO-8601 instant (2025-03-03T09:00:00Z), date-time (2025-03-03T10:00) or date (2025-03-03)");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
