package no.ipshub.routes.validation;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import no.ipshub.schemas.v1.DeadLetterReason;

/**
 * One problem with one field of a message. The message names the rule, never the field's value, so
 * violations can be logged, returned and dead-lettered without leaking personal data.
 *
 * @param field   the field's path in the JSON form, e.g. {@code payload.participantNationalId}
 * @param code    the rule that failed
 * @param message what is wrong, for a person
 */
public record Violation(String field, ViolationCode code, String message) {

    /** The reason of the most serious violation: spoofing, then case parties, then unknown partners, then content. */
    public static DeadLetterReason deadLetterReason(List<Violation> violations) {
        return violations.stream()
                .map(v -> v.code().deadLetterReason())
                .min(Comparator.comparingInt(Violation::severityRank))
                .orElse(DeadLetterReason.INVALID_CONTENT);
    }

    /** True when any violation means the caller may not send the message (HTTP 403). */
    public static boolean anyForbidden(List<Violation> violations) {
        return violations.stream().anyMatch(v -> v.code().isForbidden());
    }

    /** A one-line summary naming every field and code, safe to log and to put in a dead letter. */
    public static String describe(List<Violation> violations) {
        return violations.stream()
                .map(v -> v.field() + " " + v.code() + ": " + v.message())
                .collect(Collectors.joining("; "));
    }

    private static int severityRank(DeadLetterReason reason) {
        return switch (reason) {
            case SPOOFED_SENDER -> 0;
            case NOT_A_CASE_PARTY -> 1;
            case UNKNOWN_PARTNER -> 2;
            default -> 3;
        };
    }
}
