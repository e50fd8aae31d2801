package no.ipshub.routes.validation;

import java.util.regex.Pattern;

/**
 * Message ids as the hub may show them. A message id is the sender's text until it is checked, and a sender
 * could put anything there, a national id included; only an id shaped as a UUID goes into logs and dead
 * letters.
 */
public final class MessageIds {

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private MessageIds() {
    }

    /** True when the id is a UUID in its usual 8-4-4-4-12 hex form. */
    public static boolean isUuid(String messageId) {
        return messageId != null && UUID.matcher(messageId).matches();
    }

    /** The id when it is a UUID, otherwise null. */
    public static String uuidOrNull(String messageId) {
        return isUuid(messageId) ? messageId : null;
    }

    /** The id when it is a UUID, otherwise a placeholder saying it is not one. */
    public static String loggable(String messageId) {
        return isUuid(messageId) ? messageId : "(not a UUID)";
    }
}
