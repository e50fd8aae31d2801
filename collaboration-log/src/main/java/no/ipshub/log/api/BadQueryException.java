package no.ipshub.log.api;

/** A research or audit query with a parameter that cannot be understood; answered with 400 and the reason. */
class BadQueryException extends RuntimeException {

    BadQueryException(String message) {
        super(message);
    }
}
