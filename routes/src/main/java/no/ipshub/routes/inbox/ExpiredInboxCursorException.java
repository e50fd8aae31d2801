package no.ipshub.routes.inbox;

/**
 * The cursor points at messages the inbox topic no longer holds: they were older than the inbox retention and
 * were deleted unread. {@link #earliest()} is where the partner can go on: the same cursor, moved forward to the
 * earliest message still kept on every partition where it lay before it.
 */
public class ExpiredInboxCursorException extends RuntimeException {

    private final transient InboxCursor earliest;

    public ExpiredInboxCursorException(InboxCursor earliest) {
        super("the inbox no longer holds the messages this cursor points at");
        this.earliest = earliest;
    }

    /** The earliest cursor that is valid now and skips nothing the partner has not read that is still kept. */
    public InboxCursor earliest() {
        return earliest;
    }
}
