package no.ipshub.registry.client;

import no.ipshub.registry.client.SchemaRegistryException;

/**
 * The errors of the Confluent Schema Registry API as {@link SchemaRegistryException}s: one factory per
 * error code, so the in-memory, embedded and REST registries report the same failure the same way.
 */
public final class RegistryErrors {

    public static final int SUBJECT_NOT_FOUND = 40401;
    public static final int VERSION_NOT_FOUND = 40402;
    public static final int SCHEMA_NOT_FOUND = 40403;
    public static final int SUBJECT_SOFT_DELETED = 40404;
    public static final int SUBJECT_NOT_SOFT_DELETED = 40405;
    public static final int VERSION_SOFT_DELETED = 40406;
    public static final int VERSION_NOT_SOFT_DELETED = 40407;
    public static final int SUBJECT_LEVEL_NOT_CONFIGURED = 40408;
    public static final int INCOMPATIBLE_SCHEMA = 409;
    public static final int INVALID_SCHEMA = 42201;
    public static final int INVALID_VERSION = 42202;
    public static final int INVALID_COMPATIBILITY_LEVEL = 42203;
    public static final int OPERATION_NOT_PERMITTED = 42205;
    public static final int STORE_ERROR = 50001;
    public static final int OPERATION_TIMEOUT = 50002;

    private RegistryErrors() {
    }

    public static SchemaRegistryException subjectNotFound(String subject) {
        return new SchemaRegistryException(SUBJECT_NOT_FOUND, "Subject '" + subject + "' not found.");
    }

    public static SchemaRegistryException versionNotFound(int version) {
        return new SchemaRegistryException(VERSION_NOT_FOUND, "Version " + version + " not found.");
    }

    public static SchemaRegistryException schemaNotFound() {
        return new SchemaRegistryException(SCHEMA_NOT_FOUND, "Schema not found");
    }

    public static SchemaRegistryException schemaNotFound(int id) {
        return new SchemaRegistryException(SCHEMA_NOT_FOUND, "Schema " + id + " not found");
    }

    public static SchemaRegistryException subjectSoftDeleted(String subject) {
        return new SchemaRegistryException(SUBJECT_SOFT_DELETED,
                "Subject '" + subject + "' is already soft-deleted; delete it with permanent=true to remove it.");
    }

    public static SchemaRegistryException subjectNotSoftDeleted(String subject) {
        return new SchemaRegistryException(SUBJECT_NOT_SOFT_DELETED,
                "Subject '" + subject + "' must be soft-deleted before it can be deleted permanently.");
    }

    public static SchemaRegistryException versionSoftDeleted(String subject, int version) {
        return new SchemaRegistryException(VERSION_SOFT_DELETED, "Subject '" + subject + "' version " + version
                + " is already soft-deleted; delete it with permanent=true to remove it.");
    }

    public static SchemaRegistryException versionNotSoftDeleted(String subject, int version) {
        return new SchemaRegistryException(VERSION_NOT_SOFT_DELETED, "Subject '" + subject + "' version " + version
                + " must be soft-deleted before it can be deleted permanently.");
    }

    public static SchemaRegistryException subjectLevelNotConfigured(String subject) {
        return new SchemaRegistryException(SUBJECT_LEVEL_NOT_CONFIGURED,
                "Subject '" + subject + "' has no compatibility level of its own.");
    }

    public static SchemaRegistryException incompatible(String subject, java.util.List<String> problems) {
        return new SchemaRegistryException(INCOMPATIBLE_SCHEMA, "Schema is incompatible with an earlier schema of subject '"
                + subject + "': " + String.join("; ", problems));
    }

    public static SchemaRegistryException invalidSchema(String detail) {
        return new SchemaRegistryException(INVALID_SCHEMA, "Invalid schema: " + detail);
    }

    public static SchemaRegistryException invalidVersion(String version) {
        return new SchemaRegistryException(INVALID_VERSION, "The version '" + version
                + "' is not a valid version id: use an integer from 1 to 2^31-1, -1 or \"latest\".");
    }

    public static SchemaRegistryException invalidCompatibilityLevel(String level, Object[] validLevels) {
        return new SchemaRegistryException(INVALID_COMPATIBILITY_LEVEL, "Invalid compatibility level '" + level
                + "'; valid levels are " + java.util.Arrays.toString(validLevels) + ".");
    }

    public static SchemaRegistryException operationNotPermitted(String message) {
        return new SchemaRegistryException(OPERATION_NOT_PERMITTED, message);
    }

    public static SchemaRegistryException storeError(String message, Throwable cause) {
        return new SchemaRegistryException(STORE_ERROR, message, cause);
    }

    public static SchemaRegistryException timeout(String message, Throwable cause) {
        return new SchemaRegistryException(OPERATION_TIMEOUT, message, cause);
    }

    /** The HTTP status that goes with a Confluent error code (40401 -> 404, 409 -> 409, 50001 -> 500). */
    public static int httpStatus(int errorCode) {
        if (errorCode >= 10000) {
            return errorCode / 100;
        }
        if (errorCode >= 400 && errorCode < 600) {
            return errorCode;
        }
        return 500;
    }
}
