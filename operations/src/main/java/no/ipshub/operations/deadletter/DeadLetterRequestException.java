package no.ipshub.operations.deadletter;

import org.springframework.http.HttpStatus;

/**
 * A dead-letter request that cannot be done as asked: a bad filter or argument (400), an unknown id (404) or a
 * dead letter in a state that does not allow the action (409). Answered as {@code application/problem+json}.
 */
public class DeadLetterRequestException extends RuntimeException {

    private final HttpStatus status;
    private final String field;

    private DeadLetterRequestException(HttpStatus status, String field, String detail) {
        super(detail);
        this.status = status;
        this.field = field;
    }

    /** A bad request parameter or body field. */
    public static DeadLetterRequestException invalid(String field, String detail) {
        return new DeadLetterRequestException(HttpStatus.BAD_REQUEST, field, detail);
    }

    /** No dead letter with this id. */
    public static DeadLetterRequestException notFound(String id) {
        return new DeadLetterRequestException(HttpStatus.NOT_FOUND, null, "There is no dead letter " + id + ".");
    }

    /** The dead letter's state does not allow the action. */
    public static DeadLetterRequestException conflict(String detail) {
        return new DeadLetterRequestException(HttpStatus.CONFLICT, null, detail);
    }

    public HttpStatus status() {
        return status;
    }

    /** The request parameter or body field at fault; null when the request as a whole is. */
    public String field() {
        return field;
    }
}
