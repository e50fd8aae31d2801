package no.ipshub.engine.kafka;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.apache.kafka.common.header.Headers;

/**
 * The record headers the hub writes and reads, in one place.
 *
 * <ul>
 *   <li>{@value #MESSAGE_ID}: the message id, on every canonical and inbox record; {@value #SENDER} and
 *       {@value #RECIPIENT}, its partners, on every canonical record, so that readers who only count need not
 *       decode the message.</li>
 *   <li>The intake's control headers, which the hub honours only on its own submission topic, where partners
 *       never write: {@value #PARTNER}, the partner a submission comes from; {@value #REQUEST_ID} and
 *       {@value #REPLY_PARTITION}, an HTTP submission answered on the intake reply topic by whichever instance owns
 *       the case's partition; {@value #DRY_RUN}, an HTTP submission to be checked, not published;
 *       {@value #MOVED_FROM}, a partner's record the intake moved to the partition of its case (its key was not
 *       the case id, or its topic is partitioned otherwise); {@value #DECIDED}, an HTTP submission the instance
 *       owning its case accepted from memory and answered already.</li>
 * </ul>
 *
 * A partner's own record carrying a control header is refused (dead-lettered), never obeyed.
 */
public final class HubHeaders {

    public static final String MESSAGE_ID = "ips-message-id";
    public static final String SENDER = "ips-sender";
    public static final String RECIPIENT = "ips-recipient";
    public static final String PARTNER = "ips-partner";
    public static final String REQUEST_ID = "ips-request-id";
    public static final String REPLY_PARTITION = "ips-reply-partition";
    public static final String DRY_RUN = "ips-dry-run";
    public static final String MOVED_FROM = "ips-moved-from";
    public static final String DECIDED = "ips-decided";
    /** The mark of a moved record in earlier versions, which wrote moved records back to the partner's topic. */
    public static final String FORWARDED = "ips-forwarded";

    /** Headers only the hub may set, and only on its submission topic. */
    public static final Set<String> INTAKE_CONTROL = Set.of(PARTNER, REQUEST_ID, REPLY_PARTITION, DRY_RUN, MOVED_FROM,
            DECIDED, FORWARDED);

    private HubHeaders() {
    }

    /** Adds a text header. */
    public static void add(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
