package no.ipshub.routes.kafka;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;

/**
 * The record headers the hub writes and reads, in one place.
 *
 * <ul>
 *   <li>{@value #MESSAGE_ID}: the message id, on every canonical and inbox record; {@value #SENDER} and
 *       {@value #RECIPIENT}, its partners, on every canonical record, so that readers who only count need not
 *       decode the message.</li>
 *   <li>{@value #REQUEST_ID} and {@value #REPLY_PARTITION}: an HTTP submission written to its partner's ingress
 *       topic, answered on the intake reply topic by whichever instance owns the case's partition.</li>
 *   <li>{@value #DRY_RUN}: an HTTP submission to be checked, not published.</li>
 *   <li>{@value #FORWARDED}: a record the intake moved to the partition of its case (its key was not the case
 *       id), so that it is never moved twice.</li>
 * </ul>
 */
public final class HubHeaders {

    public static final String MESSAGE_ID = "ips-message-id";
    public static final String SENDER = "ips-sender";
    public static final String RECIPIENT = "ips-recipient";
    public static final String REQUEST_ID = "ips-request-id";
    public static final String REPLY_PARTITION = "ips-reply-partition";
    public static final String DRY_RUN = "ips-dry-run";
    public static final String FORWARDED = "ips-forwarded";

    private HubHeaders() {
    }

    /** Adds a text header. */
    public static void add(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
