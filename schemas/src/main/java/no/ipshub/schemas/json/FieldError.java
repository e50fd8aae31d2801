package no.ipshub.schemas.json;

import java.io.Serializable;
import java.util.Objects;

/**
 * One problem with one field of a JSON message.
 *
 * @param field   the field as a path from the message root, e.g. {@code payload.referralDate}; {@code $} for the
 *                document as a whole (not JSON, or not an object)
 * @param message what is wrong, without the field's value, e.g. {@code must be an ISO-8601 date (yyyy-MM-dd)}
 */
public record FieldError(String field, String message) implements Serializable {

    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
