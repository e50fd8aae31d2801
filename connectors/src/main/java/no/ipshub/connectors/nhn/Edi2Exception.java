package no.ipshub.connectors.nhn;

/**
 * A call to the EDI 2.0 API that failed. Transient: a timeout, a failed connection, a 5xx or 429 (try again
 * later). Not transient: any other answer (the request itself is wrong; trying again changes nothing).
 */
public class Edi2Exception extends RuntimeException {

    private final boolean transientFailure;
    private final Integer status;

    public Edi2Exception(String message, Integer status, boolean transientFailure, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.transientFailure = transientFailure;
    }

    public boolean isTransient() {
        return transientFailure;
    }

    /** The HTTP status, or null when there was no answer. */
    public Integer status() {
        return status;
    }
}
