package no.ipshub.schemas.json;

import tools.jackson.core.StreamReadConstraints;

/**
 * How much JSON the hub parses for one document, whatever the bytes: a message is two levels deep with short
 * numbers and names, so these limits leave room for unknown properties and refuse only documents made to cost.
 * A string may be as long as a whole HTTP body, so that an over-long field is named by its own bound rather than
 * refused as a document.
 */
public final class JsonReadLimits {

    /** Objects and arrays inside one another; a message needs two. */
    public static final int MAX_NESTING_DEPTH = 16;
    /** Characters of one number; a wage needs 10, a double at most 24. */
    public static final int MAX_NUMBER_LENGTH = 32;
    /** Characters of one property name. */
    public static final int MAX_NAME_LENGTH = 256;
    /** Characters of one string value. */
    public static final int MAX_STRING_LENGTH = 1024 * 1024;
    /** Tokens of one document (each name, value, bracket and brace counts). */
    public static final long MAX_TOKEN_COUNT = 100_000;
    /** Bytes (or characters) of one document; the HTTP edge's body limit is lower. */
    public static final long MAX_DOCUMENT_LENGTH = 16L * 1024 * 1024;

    private JsonReadLimits() {
    }

    /** The limits as Jackson's constraints, for every parser of partner-supplied JSON. */
    public static StreamReadConstraints constraints() {
        return StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .maxNameLength(MAX_NAME_LENGTH)
                .maxStringLength(MAX_STRING_LENGTH)
                .maxTokenCount(MAX_TOKEN_COUNT)
                .maxDocumentLength(MAX_DOCUMENT_LENGTH)
                .build();
    }
}
