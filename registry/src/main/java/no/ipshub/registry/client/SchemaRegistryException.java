package no.ipshub.registry.client;

/**
 * A schema registry answered with an error, or could not be reached. {@link #errorCode()} is Confluent's
 * code (40401 subject not found, 40402 version not found, 40403 schema not found, 409 incompatible,
 * 42201 invalid schema, 42202 invalid version, 50001-50003 server side); -1 when the registry was not
 * reached at all, which callers treat as transient.
 */
public class SchemaRegistryException extends RuntimeException {

    public static final int UNREACHABLE = -1;

    private final int errorCode;

    public SchemaRegistryException(int errorCode, String message) {
        super(message);
        this.errorCode = errorCode;
    }

    public SchemaRegistryException(int errorCode, String message, Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
    }

    public int errorCode() {
        return errorCode;
    }

    /** True when retrying later may succeed: the registry was unreachable or failed on its side. */
    public boolean isTransient() {
        return errorCode == UNREACHABLE || errorCode >= 50000 || (errorCode >= 500 && errorCode < 600);
    }
}
