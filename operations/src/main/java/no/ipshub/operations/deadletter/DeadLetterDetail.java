package no.ipshub.operations.deadletter;

import tools.jackson.databind.JsonNode;

/**
 * One dead letter in full for an operator: its summary, and its message decoded with personal values masked,
 * or, when it cannot be decoded, a masked preview of its bytes.
 *
 * @param deadLetter  the summary
 * @param originalKey the original record key as text (digit runs masked as in {@link BytePreview}); null when none
 * @param message     the message in its JSON form with {@link MessageMasking} applied; null when not decodable
 * @param decodeError why the bytes could not be decoded; null when they could
 * @param preview     the leading bytes when not decodable; null when decoded
 */
public record DeadLetterDetail(DeadLetterSummary deadLetter, String originalKey, JsonNode message, String decodeError,
        BytePreview preview) {
}
