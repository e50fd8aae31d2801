package no.ipshub.log.pseudonym;

/**
 * The research project's key is missing, unreadable or too short: the collaboration log refuses to start. The
 * message says which setting to fix and never contains the key.
 */
public class ResearchKeyException extends IllegalStateException {

    public ResearchKeyException(String message) {
        super(message);
    }

    public ResearchKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
