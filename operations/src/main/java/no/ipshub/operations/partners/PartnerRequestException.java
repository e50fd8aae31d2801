package no.ipshub.operations.partners;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** A partner change the hub refuses: 400 naming each bad field, 404 for an unknown partner, 409 for a conflict. */
public class PartnerRequestException extends RuntimeException {

    private final HttpStatus status;
    private final List<Map<String, String>> errors;

    public PartnerRequestException(HttpStatus status, String detail, List<Map<String, String>> errors) {
        super(detail);
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    public PartnerRequestException(HttpStatus status, String detail) {
        this(status, detail, List.of());
    }

    public HttpStatus status() {
        return status;
    }

    /** {@code {field, message}} per bad field; empty when the problem is not a field's. */
    public List<Map<String, String>> errors() {
        return errors;
    }
}
