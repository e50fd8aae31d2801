package no.ipshub.operations.deadletter;

/** Where a dead letter stands with the operators. */
public enum DeadLetterStatus {

    /** Waiting for an operator: not replayed, not discarded, or failed again after a replay. */
    OPEN,

    /** Put back on the ingress by an operator; it returns to OPEN if it fails again. */
    REPLAYED,

    /** Given up by an operator, with a recorded reason. Final. */
    DISCARDED
}
