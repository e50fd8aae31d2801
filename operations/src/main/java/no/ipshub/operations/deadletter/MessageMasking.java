package no.ipshub.operations.deadletter;

import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Hides the values of personal fields in a message's JSON form before an operator sees it: the participant's
 * national identity number and the free-text notes that never leave the two partners. The field stays, with
 * {@value #MASK} as its value, so the operator sees that it was there.
 */
public final class MessageMasking {

    /** What a masked value reads as. */
    public static final String MASK = "[masked]";

    /** Fields whose values are masked wherever they occur. */
    public static final Set<String> MASKED_FIELDS = Set.of("participantNationalId", "note");

    private MessageMasking() {
    }

    /** A masked copy of {@code message}; null values stay null, since absence reveals nothing. */
    public static JsonNode mask(JsonNode message) {
        JsonNode copy = message.deepCopy();
        maskInPlace(copy);
        return copy;
    }

    private static void maskInPlace(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (String name : Set.copyOf(object.propertyNames())) {
                JsonNode value = object.get(name);
                if (MASKED_FIELDS.contains(name) && value != null && !value.isNull()) {
                    object.put(name, MASK);
                } else if (value != null) {
                    maskInPlace(value);
                }
            }
        } else if (node != null && node.isArray()) {
            node.values().forEach(MessageMasking::maskInPlace);
        }
    }
}
