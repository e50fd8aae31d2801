package no.ipshub.routes.intake;

import java.util.List;
import no.ipshub.routes.validation.Violation;

/**
 * What the hub did with a submitted message.
 *
 * @param messageId  the message's id
 * @param status     ACCEPTED (published, or would be in a dry run), DUPLICATE (accepted before), REJECTED, or
 *                   FAILED (the hub could not process it; see its log)
 * @param violations why it was rejected; empty otherwise
 */
public record IntakeResult(String messageId, Status status, List<Violation> violations) {

    /** The outcome of a submission. */
    public enum Status {
        /** Published to its canonical topic and its recipient's inbox, committed in Kafka. */
        ACCEPTED,
        /** The same message id was accepted before; nothing was published again. */
        DUPLICATE,
        /** Not acceptable; see the violations. */
        REJECTED,
        /** The hub failed on the message itself (a fault of the hub, dead-lettered for operators). */
        FAILED
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

    public static IntakeResult failed(String messageId) {
        return new IntakeResult(messageId, Status.FAILED, List.of());
    }
}
