package no.ipshub.engine.error;

/**
 * A failure that may pass by itself (registry, database or broker away): the work is retried with back-off,
 * never dead-lettered.
 */
public class TransientFailureException extends RuntimeException {

    public TransientFailureException(String message, Throwable cause) {
        super(message, cause);
    }
}
