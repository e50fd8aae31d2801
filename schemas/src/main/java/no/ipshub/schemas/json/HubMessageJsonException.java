package no.ipshub.schemas.json;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when JSON cannot be read as a {@code HubMessage}; names every bad field at once. Neither the message
 * nor the errors contain a field's value, so both are safe to log and to return to the sender.
 */
public class HubMessageJsonException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<FieldError> errors;

    public HubMessageJsonException(List<FieldError> errors) {
        super(describe(errors));
        this.errors = List.copyOf(errors);
    }

    /** The bad fields in the order of the schema, never empty. */
    public List<FieldError> errors() {
        return errors;
    }

    private static String describe(List<FieldError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a HubMessageJsonException needs at least one field error");
        }
        return "Invalid HubMessage JSON: "
                + errors.stream().map(FieldError::toString).collect(Collectors.joining("; "));
    }
}
