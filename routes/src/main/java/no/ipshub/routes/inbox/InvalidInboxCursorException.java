package no.ipshub.routes.inbox;

/**
 * The cursor reads as a cursor but cannot be one this hub handed out for this inbox: it names a partition the inbox
 * topic does not have, or a position past the partition's end.
 */
public class InvalidInboxCursorException extends IllegalArgumentException {

    public InvalidInboxCursorException(String message) {
        super(message);
    }
}
