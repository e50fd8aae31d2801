package no.ipshub.schemas.json;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import no.ipshub.schemas.v1.HubMessage;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificData;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Converts {@link HubMessage} to and from its JSON form at the HTTP edge.
 *
 * <p>The JSON form follows the Avro schema: the same field names, timestamps as ISO-8601 instants
 * ({@code 2025-03-03T09:00:00Z}, millisecond precision), dates as ISO-8601 dates ({@code 2025-03-03}), enums
 * as their symbol names, {@code hourlyWage} as a JSON number, and the payload as an object with a
 * {@code "type"} of {@code "referral"}, {@code "followUp"} or {@code "outcome"} beside that record's fields.
 * Optional fields are written as {@code null} and may be left out when reading; {@code schemaVersion} defaults
 * to 1. Unknown properties are ignored.
 *
 * <p>Reading checks structure and types only (required fields, JSON types, dates, enum symbols, payload type),
 * reporting every bad field at once in a {@link HubMessageJsonException}; checksums and business rules are the
 * routes' job. The conversion walks the Avro schema, so fields added to the contract appear here unchanged.
 * Instances are immutable and thread-safe.
 */
public final class HubMessageJson {

    /** The property that names the payload's record type. */
    public static final String PAYLOAD_TYPE_PROPERTY = "type";

    private static final String ROOT = "$";
    /** The most items a list field (e.g. a message's research projects) may have on input. */
    public static final int MAX_ARRAY_ITEMS = 32;

    private final Schema schema = HubMessage.getClassSchema();
    private final SpecificData model = SpecificData.getForClass(HubMessage.class);
    private final JsonMapper mapper = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(JsonReadLimits.constraints()).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();
    private final JsonNodeFactory nodes = mapper.getNodeFactory();

    /** The message as compact JSON text. */
    public String toJson(HubMessage message) {
        return mapper.writeValueAsString(toTree(message));
    }

    /** The message as a JSON tree, for callers that embed it in a larger document. */
    public JsonNode toTree(HubMessage message) {
        Objects.requireNonNull(message, "message");
        return writeRecord(message);
    }

    /**
     * Reads a message from JSON text.
     *
     * @throws HubMessageJsonException naming every bad field, or {@code $} when the text is not a JSON object
     */
    public HubMessage fromJson(String json) {
        Objects.requireNonNull(json, "json");
        return fromTree(parse(() -> mapper.readTree(json)));
    }

    /**
     * Reads a message from JSON bytes (UTF-8, or UTF-16/32 with a byte-order mark or detectable encoding).
     *
     * @throws HubMessageJsonException naming every bad field, or {@code $} when the bytes are not a JSON object
     */
    public HubMessage fromJson(byte[] json) {
        Objects.requireNonNull(json, "json");
        return fromTree(parse(() -> mapper.readTree(json)));
    }

    /**
     * Reads a message from a JSON tree already parsed by the caller, e.g. a request body.
     *
     * @throws HubMessageJsonException naming every bad field, or {@code $} when the tree is not an object
     */
    public HubMessage fromTree(JsonNode tree) {
        if (tree == null || !tree.isObject()) {
            throw new HubMessageJsonException(List.of(new FieldError(ROOT, "must be a JSON object")));
        }
        List<FieldError> errors = new ArrayList<>();
        Object message = readRecord(tree, schema, "", errors);
        if (!errors.isEmpty()) {
            throw new HubMessageJsonException(errors);
        }
        return (HubMessage) message;
    }

    private JsonNode parse(TreeSource source) {
        try {
            return source.read();
        } catch (JacksonException e) {
            throw new HubMessageJsonException(List.of(new FieldError(ROOT, describeSyntaxError(e))));
        }
    }

    /** Where the text went wrong, without quoting it: Jackson's own message may contain the input. */
    private static String describeSyntaxError(JacksonException e) {
        String original = e.getOriginalMessage();
        String what = e instanceof StreamConstraintsException
                ? "is over the hub's JSON limits (nesting, number, name or document length)"
                : original != null && original.startsWith("Duplicate")
                ? "repeats a property"
                : "is not well-formed JSON";
        if (e.getLocation() == null || e.getLocation().getLineNr() < 0) {
            return what;
        }
        return what + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }

    // ---- Avro -> JSON

    private ObjectNode writeRecord(IndexedRecord record) {
        ObjectNode node = nodes.objectNode();
        for (Schema.Field field : record.getSchema().getFields()) {
            node.set(field.name(), writeValue(record.get(field.pos()), field.schema()));
        }
        return node;
    }

    private JsonNode writeValue(Object value, Schema type) {
        if (value == null) {
            return nodes.nullNode();
        }
        return switch (type.getType()) {
            case UNION -> writeUnion(value, type);
            case RECORD -> writeRecord((IndexedRecord) value);
            case ENUM, STRING -> nodes.stringNode(value.toString());
            case BOOLEAN -> nodes.booleanNode((Boolean) value);
            case INT -> isDate(type) ? nodes.stringNode(value.toString()) : nodes.numberNode((Integer) value);
            case LONG -> isTimestampMillis(type)
                    ? nodes.stringNode(((Instant) value).truncatedTo(ChronoUnit.MILLIS).toString())
                    : nodes.numberNode((Long) value);
            case DOUBLE -> nodes.numberNode((Double) value);
            case FLOAT -> nodes.numberNode((Float) value);
            case BYTES -> {
                requireDecimal(type);
                yield nodes.numberNode((BigDecimal) value);
            }
            case ARRAY -> {
                ArrayNode array = nodes.arrayNode();
                for (Object item : (Collection<?>) value) {
                    array.add(writeValue(item, type.getElementType()));
                }
                yield array;
            }
            default -> throw unsupported(type);
        };
    }

    private JsonNode writeUnion(Object value, Schema union) {
        Schema branch = union.getTypes().get(model.resolveUnion(union, value));
        if (isDiscriminated(union)) {
            ObjectNode node = nodes.objectNode();
            node.put(PAYLOAD_TYPE_PROPERTY, discriminator(branch));
            node.setAll(writeRecord((IndexedRecord) value));
            return node;
        }
        return writeValue(value, branch);
    }

    // ---- JSON -> Avro

    private Object readRecord(JsonNode node, Schema recordSchema, String path, List<FieldError> errors) {
        IndexedRecord record = (IndexedRecord) model.newRecord(null, recordSchema);
        for (Schema.Field field : recordSchema.getFields()) {
            String fieldPath = path.isEmpty() ? field.name() : path + "." + field.name();
            JsonNode value = node.get(field.name());
            if (value == null || value.isNull()) {
                if (field.hasDefaultValue()) {
                    record.put(field.pos(), model.getDefaultValue(field));
                } else if (field.schema().isNullable()) {
                    record.put(field.pos(), null);
                } else {
                    errors.add(new FieldError(fieldPath, "is required"));
                }
                continue;
            }
            Object converted = readValue(value, field.schema(), fieldPath, errors);
            // A null here means the value was reported as bad; the record is thrown away with the errors.
            if (converted != null) {
                record.put(field.pos(), converted);
            }
        }
        return record;
    }

    /** The value converted for the generated classes, or null after adding an error. */
    private Object readValue(JsonNode node, Schema type, String path, List<FieldError> errors) {
        switch (type.getType()) {
            case UNION:
                return readUnion(node, type, path, errors);
            case RECORD:
                if (!node.isObject()) {
                    return error(errors, path, "must be an object");
                }
                return readRecord(node, type, path, errors);
            case ENUM:
                if (node.isString() && type.getEnumSymbols().contains(node.stringValue())) {
                    return model.createEnum(node.stringValue(), type);
                }
                return error(errors, path, "must be one of " + String.join(", ", type.getEnumSymbols()));
            case STRING:
                return node.isString() ? node.stringValue() : error(errors, path, "must be a string");
            case BOOLEAN:
                return node.isBoolean() ? node.booleanValue() : error(errors, path, "must be true or false");
            case INT:
                if (isDate(type)) {
                    return readDate(node, path, errors);
                }
                return node.isIntegralNumber() && node.canConvertToInt()
                        ? node.intValue()
                        : error(errors, path, "must be a whole number from -2147483648 to 2147483647");
            case LONG:
                if (isTimestampMillis(type)) {
                    return readInstant(node, path, errors);
                }
                return node.isIntegralNumber() && node.canConvertToLong()
                        ? node.longValue()
                        : error(errors, path, "must be a whole number");
            case DOUBLE:
                return node.isNumber() ? node.doubleValue() : error(errors, path, "must be a number");
            case FLOAT:
                return node.isNumber() ? node.floatValue() : error(errors, path, "must be a number");
            case BYTES:
                requireDecimal(type);
                return readDecimal(node, (LogicalTypes.Decimal) type.getLogicalType(), path, errors);
            case ARRAY:
                return readArray(node, type, path, errors);
            default:
                throw unsupported(type);
        }
    }

    /** A list of at most {@value #MAX_ARRAY_ITEMS} items, or null after adding an error. */
    private Object readArray(JsonNode node, Schema type, String path, List<FieldError> errors) {
        if (!node.isArray()) {
            return error(errors, path, "must be an array");
        }
        if (node.size() > MAX_ARRAY_ITEMS) {
            return error(errors, path, "must have at most " + MAX_ARRAY_ITEMS + " items");
        }
        List<Object> items = new ArrayList<>(node.size());
        int errorsBefore = errors.size();
        for (int i = 0; i < node.size(); i++) {
            items.add(readValue(node.get(i), type.getElementType(), path + "[" + i + "]", errors));
        }
        return errors.size() > errorsBefore ? null : items;
    }

    private Object readUnion(JsonNode node, Schema union, String path, List<FieldError> errors) {
        if (!isDiscriminated(union)) {
            List<Schema> nonNull = union.getTypes().stream().filter(t -> t.getType() != Schema.Type.NULL).toList();
            if (nonNull.size() != 1) {
                throw unsupported(union);
            }
            return readValue(node, nonNull.get(0), path, errors);
        }
        if (!node.isObject()) {
            return error(errors, path, "must be an object");
        }
        String typePath = path + "." + PAYLOAD_TYPE_PROPERTY;
        JsonNode typeNode = node.get(PAYLOAD_TYPE_PROPERTY);
        if (typeNode == null || typeNode.isNull()) {
            return error(errors, typePath, "is required");
        }
        List<Schema> branches = union.getTypes().stream().filter(t -> t.getType() == Schema.Type.RECORD).toList();
        String expected = branches.stream().map(HubMessageJson::discriminator).collect(Collectors.joining(", "));
        if (!typeNode.isString()) {
            return error(errors, typePath, "must be a string, one of " + expected);
        }
        for (Schema branch : branches) {
            if (discriminator(branch).equals(typeNode.stringValue())) {
                return readRecord(node, branch, path, errors);
            }
        }
        return error(errors, typePath, "must be one of " + expected);
    }

    private static Object readDate(JsonNode node, String path, List<FieldError> errors) {
        if (node.isString()) {
            try {
                return LocalDate.parse(node.stringValue());
            } catch (DateTimeParseException e) {
                // falls through to the error below
            }
        }
        return error(errors, path, "must be an ISO-8601 date (yyyy-MM-dd)");
    }

    private static Object readInstant(JsonNode node, String path, List<FieldError> errors) {
        if (node.isString()) {
            try {
                // the Avro field keeps milliseconds; cutting here makes the JSON and the Avro form agree
                return Instant.parse(node.stringValue()).truncatedTo(ChronoUnit.MILLIS);
            } catch (DateTimeParseException e) {
                // falls through to the error below
            }
        }
        return error(errors, path, "must be an ISO-8601 instant with a time zone (e.g. 2025-03-03T09:00:00Z)");
    }

    private static Object readDecimal(JsonNode node, LogicalTypes.Decimal decimal, String path,
            List<FieldError> errors) {
        int scale = decimal.getScale();
        int integerDigits = decimal.getPrecision() - scale;
        String shape = "must be a number with at most " + integerDigits + " digits before and "
                + scale + " after the decimal point";
        if (!node.isNumber()) {
            return error(errors, path, shape);
        }
        // counted before rescaling: rescaling 1e100000000 (13 bytes of JSON) would take seconds and gigabytes
        BigDecimal value = node.decimalValue().stripTrailingZeros();
        if (value.scale() > scale || (long) value.precision() - value.scale() > integerDigits) {
            return error(errors, path, shape);
        }
        return value.setScale(scale);
    }

    private static Object error(List<FieldError> errors, String path, String message) {
        errors.add(new FieldError(path, message));
        return null;
    }

    // ---- schema helpers

    /** A union of two or more records, such as the payload, is written with a type discriminator. */
    private static boolean isDiscriminated(Schema union) {
        return union.getTypes().stream().filter(t -> t.getType() == Schema.Type.RECORD).count() > 1;
    }

    /** The discriminator of a payload record: its simple name starting in lower case, e.g. {@code followUp}. */
    private static String discriminator(Schema record) {
        String name = record.getName();
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private static boolean isDate(Schema type) {
        return type.getLogicalType() instanceof LogicalTypes.Date;
    }

    private static boolean isTimestampMillis(Schema type) {
        return type.getLogicalType() instanceof LogicalTypes.TimestampMillis;
    }

    private static void requireDecimal(Schema type) {
        LogicalType logicalType = type.getLogicalType();
        if (!(logicalType instanceof LogicalTypes.Decimal)) {
            throw unsupported(type);
        }
    }

    private static IllegalStateException unsupported(Schema type) {
        return new IllegalStateException("HubMessageJson has no JSON form for the schema type " + type);
    }

    @FunctionalInterface
    private interface TreeSource {
        JsonNode read();
    }
}
