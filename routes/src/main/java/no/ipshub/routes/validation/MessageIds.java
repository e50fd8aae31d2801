package no.ipshub.routes.validation;

import no.ipshub.schemas.bounds.ContractBounds;

/**
 * Message ids as the hub may show them. A message id is the sender's text until it is checked, and a sender
 * could put anything there, a national id included; only an id shaped as a UUID goes into logs and dead
 * letters.
 */
public final class MessageIds {

    private MessageIds() {
    }

    /** True when the id is a UUID in its usual 8-4-4-4-12 hex form. */
    public static boolean isUuid(String messageId) {
        return ContractBounds.MESSAGE_ID.allows(messageId);
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
