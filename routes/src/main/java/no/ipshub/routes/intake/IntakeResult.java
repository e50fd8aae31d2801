package no.ipshub.routes.intake;

import java.util.List;
import no.ipshub.routes.validation.Violation;

/**
 * What the hub did with a submitted message.
 *
 * @param messageId  the message's id
 * @param status     ACCEPTED (published and acknowledged), DUPLICATE (accepted before) or REJECTED
 * @param violations why it was rejected; empty otherwise
 */
public record IntakeResult(String messageId, Status status, List<Violation> violations) {

    /** The outcome of a submission. */
    public enum Status {
        /** Published to its canonical topic and acknowledged by Kafka. */
        ACCEPTED,
        /** The same message id was accepted before; nothing was published again. */
        DUPLICATE,
        /** Not acceptable; see the violations. */
        REJECTED
    }

    public IntakeResult {
        violations = List.copyOf(violations);
    }

    public static IntakeResult accepted(String messageId) {
        return new IntakeResult(messageId, Status.ACCEPTED, List.of());
    }

    public static IntakeResult duplicate(String messageId) {
        return new IntakeResult(messageId, Status.DUPLICATE, List.of());
    }

    public static IntakeResult rejected(String messageId, List<Violation> violations) {
        return new IntakeResult(messageId, Status.REJECTED, violations);
    }
}
