package no.ipshub.registry.serde;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import no.ipshub.registry.client.RegistryErrors;
import no.ipshub.registry.client.SchemaRegistryClient.SubjectVersion;
import no.ipshub.registry.client.SchemaRegistryClient;
import no.ipshub.registry.client.SchemaRegistryException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.util.Utf8;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Writes and reads Avro in the Confluent wire format: magic byte 0, the writer schema's global id as a
 * 4-byte big-endian int, then the Avro binary encoding. Values of a topic use the subject
 * {@code <topic>-value} (Confluent's TopicNameStrategy).
 *
 * <p>Schema ids, writer schemas and datum readers/writers are cached, so after the first record of a
 * schema neither encoding nor decoding calls the registry. Thread-safe; share one instance.
 *
 * <p>Writing: with {@code autoRegister} the record's schema is registered under the subject (or found
 * there); otherwise, with {@code useLatestVersion}, the subject's latest version is used, which must
 * encode exactly as the record's schema (same parsing canonical form); otherwise the record's schema must
 * already be registered under the subject. Reading: the writer's schema comes from the id, and a
 * requested generated class reads through Avro schema resolution (writer schema to the class's schema).
 */
public class AvroWireCodec {

    public static final byte MAGIC_BYTE = 0;
    public static final int HEADER_SIZE = 5;

    private static final int MAX_RETAINED_BUFFER = 1 << 20;
    private static final ThreadLocal<EncodeBuffer> ENCODE_BUFFERS = ThreadLocal.withInitial(EncodeBuffer::new);
    private static final ThreadLocal<BinaryDecoder> DECODERS = new ThreadLocal<>();
    private static final GenericData GENERIC_WRITE_MODEL = genericWriteModel();

    private final SchemaRegistryClient registry;
    private final boolean autoRegister;
    private final boolean useLatestVersion;
    private final Map<String, Map<Schema, Integer>> idsBySubject = new ConcurrentHashMap<>();
    private final Map<Integer, Schema> writerSchemas = new ConcurrentHashMap<>();
    private final Map<Integer, Map<Class<?>, DatumReader<?>>> readers = new ConcurrentHashMap<>();
    private final Map<Object, DatumWriter<Object>> writers = new ConcurrentHashMap<>();

    public AvroWireCodec(SchemaRegistryClient registry, boolean autoRegister, boolean useLatestVersion) {
        this.registry = registry;
        this.autoRegister = autoRegister;
        this.useLatestVersion = useLatestVersion;
    }

    // ---------------------------------------------------------------- encoding

    /** {@code record} in the wire format, its schema id taken from subject {@code <topic>-value}. */
    public byte[] encode(String topic, IndexedRecord record) {
        return encodeForSubject(topic + "-value", record);
    }

    /**
     * {@code datum} in the wire format under {@code subject}: an Avro record (generated or generic), enum
     * or fixed, or a primitive ({@code String}, {@code Integer}, {@code Long}, {@code Float},
     * {@code Double}, {@code Boolean}, {@code byte[]}, {@code ByteBuffer}) written with its primitive schema.
     */
    public byte[] encodeForSubject(String subject, Object datum) {
        if (datum == null) {
            throw new IllegalArgumentException("Cannot encode null; a null value is written as no bytes at all");
        }
        Schema schema = schemaOf(datum);
        int id = schemaId(subject, schema);
        Object value = datum instanceof byte[] bytes ? ByteBuffer.wrap(bytes) : datum;
        return write(id, writerFor(value, schema), value, schema);
    }

    /**
     * The id {@code schema} has under subject {@code <topic>-value}, as {@link #encode} would write it (looked up
     * once, then cached).
     */
    public int schemaIdFor(String topic, Schema schema) {
        return schemaId(topic + "-value", schema);
    }

    /** The schema id in the header of wire-format {@code bytes}, or -1 when they do not start with one. */
    public static int schemaIdOf(byte[] bytes) {
        if (bytes == null || bytes.length < HEADER_SIZE || bytes[0] != MAGIC_BYTE) {
            return -1;
        }
        return ((bytes[1] & 0xff) << 24) | ((bytes[2] & 0xff) << 16) | ((bytes[3] & 0xff) << 8) | (bytes[4] & 0xff);
    }

    private int schemaId(String subject, Schema schema) {
        Map<Schema, Integer> ids = idsBySubject.computeIfAbsent(subject, s -> new ConcurrentHashMap<>());
        Integer id = ids.get(schema);
        if (id == null) {
            id = lookUpId(subject, schema);
            ids.put(schema, id);
        }
        return id;
    }

    private int lookUpId(String subject, Schema schema) {
        try {
            if (autoRegister) {
                return registry.register(subject, schema);
            }
            if (useLatestVersion) {
                SubjectVersion latest = registry.getLatest(subject);
                if (SchemaNormalization.parsingFingerprint64(latest.schema())
                        != SchemaNormalization.parsingFingerprint64(schema)) {
                    throw new SerializationException("The latest version (" + latest.version() + ") of subject "
                            + subject + " does not encode like the record's schema " + schema.getFullName());
                }
                return latest.id();
            }
            return registry.getId(subject, schema);
        } catch (SchemaRegistryException e) {
            if (e.isTransient()) {
                throw new WireFormatException(WireFormatException.Kind.REGISTRY_UNAVAILABLE,
                        "Schema registry unavailable while looking up subject " + subject + ": " + e.getMessage(), e);
            }
            if (e.errorCode() == RegistryErrors.SUBJECT_NOT_FOUND || e.errorCode() == RegistryErrors.SCHEMA_NOT_FOUND
                    || e.errorCode() == RegistryErrors.VERSION_NOT_FOUND) {
                throw new WireFormatException(WireFormatException.Kind.UNKNOWN_SCHEMA_ID, "Schema " + schema.getFullName()
                        + " is not registered under subject " + subject + ": " + e.getMessage(), e);
            }
            throw new SerializationException("The schema registry refused schema " + schema.getFullName()
                    + " for subject " + subject + ": " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private DatumWriter<Object> writerFor(Object datum, Schema schema) {
        if (datum instanceof SpecificRecord) {
            Class<?> type = datum.getClass();
            return writers.computeIfAbsent(type, c -> (DatumWriter<Object>) (DatumWriter<?>)
                    new SpecificDatumWriter<>(schema, SpecificData.getForClass(type)));
        }
        return writers.computeIfAbsent(schema, s -> new GenericDatumWriter<>(schema, GENERIC_WRITE_MODEL));
    }

    private static byte[] write(int id, DatumWriter<Object> writer, Object datum, Schema schema) {
        EncodeBuffer buffer = ENCODE_BUFFERS.get();
        ByteArrayOutputStream out = buffer.out;
        out.reset();
        out.write(MAGIC_BYTE);
        out.write(id >>> 24);
        out.write(id >>> 16);
        out.write(id >>> 8);
        out.write(id);
        try {
            buffer.encoder = EncoderFactory.get().binaryEncoder(out, buffer.encoder);
            writer.write(datum, buffer.encoder);
            buffer.encoder.flush();
        } catch (IOException | RuntimeException e) {
            ENCODE_BUFFERS.remove();
            throw new WireFormatException(WireFormatException.Kind.MALFORMED_AVRO,
                    "Cannot write the value with schema " + schema.getFullName() + ": " + e, nonIoCause(e));
        }
        byte[] bytes = out.toByteArray();
        if (out.size() > MAX_RETAINED_BUFFER) {
            ENCODE_BUFFERS.remove();
        }
        return bytes;
    }

    private static Schema schemaOf(Object datum) {
        if (datum instanceof GenericContainer container) {
            return container.getSchema();
        }
        Schema.Type type;
        if (datum instanceof CharSequence) {
            type = Schema.Type.STRING;
        } else if (datum instanceof Integer) {
            type = Schema.Type.INT;
        } else if (datum instanceof Long) {
            type = Schema.Type.LONG;
        } else if (datum instanceof Float) {
            type = Schema.Type.FLOAT;
        } else if (datum instanceof Double) {
            type = Schema.Type.DOUBLE;
        } else if (datum instanceof Boolean) {
            type = Schema.Type.BOOLEAN;
        } else if (datum instanceof byte[] || datum instanceof ByteBuffer) {
            type = Schema.Type.BYTES;
        } else {
            throw new SerializationException("Cannot write a " + datum.getClass().getName()
                    + " as Avro: use an Avro record or a primitive value");
        }
        return Schema.create(type);
    }

    // ---------------------------------------------------------------- decoding

    /**
     * Reads a wire-format record as the generated class {@code type} (through schema resolution from the
     * writer's schema); any other {@code type} reads it as a {@link GenericRecord}.
     *
     * @throws WireFormatException with the kind of failure
     */
    public <T> T decode(byte[] bytes, Class<T> type) {
        if (!SpecificRecord.class.isAssignableFrom(type)) {
            return type.cast(decodeGeneric(bytes));
        }
        int id = readHeader(bytes);
        return type.cast(read(bytes, id, readerFor(id, type)));
    }

    /** Reads a wire-format record with its writer's schema as a {@link GenericRecord}. */
    public GenericRecord decodeGeneric(byte[] bytes) {
        Object value = decodeObject(bytes, false);
        if (value instanceof GenericRecord record) {
            return record;
        }
        throw new WireFormatException(WireFormatException.Kind.MALFORMED_AVRO,
                "The value is a " + writerSchema(readHeader(bytes)).getType() + ", not a record");
    }

    /**
     * Reads any wire-format value: records as their generated class when {@code specific} (the class named
     * by the writer's schema must be on the class path), else as {@link GenericRecord}; strings as
     * {@link String}, other primitives as their boxed types.
     */
    public Object decodeObject(byte[] bytes, boolean specific) {
        int id = readHeader(bytes);
        Schema writer = writerSchema(id);
        if (specific && writer.getType() == Schema.Type.RECORD) {
            Class<?> type = SpecificData.get().getClass(writer);
            if (type == null || !SpecificRecord.class.isAssignableFrom(type)) {
                throw new WireFormatException(WireFormatException.Kind.MALFORMED_AVRO, "No generated class for "
                        + writer.getFullName() + " (schema id " + id + ") on the class path");
            }
            return read(bytes, id, readerFor(id, type));
        }
        Object value = read(bytes, id, readerFor(id, GenericRecord.class));
        return value instanceof Utf8 ? value.toString() : value;
    }

    /** The schema id in a wire-format header. */
    public static int schemaId(byte[] bytes) {
        return readHeader(bytes);
    }

    private static int readHeader(byte[] bytes) {
        if (bytes == null || bytes.length < HEADER_SIZE) {
            throw new WireFormatException(WireFormatException.Kind.TRUNCATED, "Expected at least " + HEADER_SIZE
                    + " bytes (magic byte and schema id), got " + (bytes == null ? 0 : bytes.length));
        }
        if (bytes[0] != MAGIC_BYTE) {
            throw new WireFormatException(WireFormatException.Kind.WRONG_MAGIC_BYTE,
                    "Unknown magic byte " + bytes[0] + "; the Confluent wire format starts with " + MAGIC_BYTE);
        }
        return ((bytes[1] & 0xff) << 24) | ((bytes[2] & 0xff) << 16) | ((bytes[3] & 0xff) << 8) | (bytes[4] & 0xff);
    }

    private Schema writerSchema(int id) {
        Schema schema = writerSchemas.get(id);
        if (schema != null) {
            return schema;
        }
        try {
            schema = registry.getById(id);
        } catch (SchemaRegistryException e) {
            if (e.isTransient()) {
                throw new WireFormatException(WireFormatException.Kind.REGISTRY_UNAVAILABLE,
                        "Schema registry unavailable while fetching schema id " + id + ": " + e.getMessage(), e);
            }
            throw new WireFormatException(WireFormatException.Kind.UNKNOWN_SCHEMA_ID,
                    "Schema id " + id + " is unknown to the registry: " + e.getMessage(), e);
        }
        writerSchemas.put(id, schema);
        return schema;
    }

    private DatumReader<?> readerFor(int id, Class<?> type) {
        Map<Class<?>, DatumReader<?>> byType = readers.get(id);
        DatumReader<?> reader = byType == null ? null : byType.get(type);
        if (reader != null) {
            return reader;
        }
        Schema writer = writerSchema(id);
        if (type == GenericRecord.class) {
            reader = new GenericDatumReader<>(writer, writer, GenericData.get());
        } else {
            SpecificData model = SpecificData.getForClass(type);
            Schema readerSchema = model.getSchema(type);
            SchemaCompatibility.SchemaPairCompatibility compatibility =
                    SchemaCompatibility.checkReaderWriterCompatibility(readerSchema, writer);
            if (compatibility.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
                throw new WireFormatException(WireFormatException.Kind.MALFORMED_AVRO, "Data written with schema id "
                        + id + " (" + writer.getFullName() + ") cannot be read as " + type.getName() + ": "
                        + compatibility.getResult().getIncompatibilities());
            }
            reader = new SpecificDatumReader<>(writer, readerSchema, model);
        }
        readers.computeIfAbsent(id, i -> new ConcurrentHashMap<>()).put(type, reader);
        return reader;
    }

    private static Object read(byte[] bytes, int id, DatumReader<?> reader) {
        BinaryDecoder decoder = DecoderFactory.get()
                .binaryDecoder(bytes, HEADER_SIZE, bytes.length - HEADER_SIZE, DECODERS.get());
        DECODERS.set(decoder);
        Object value;
        try {
            value = reader.read(null, decoder);
        } catch (EOFException e) {
            throw new WireFormatException(WireFormatException.Kind.TRUNCATED,
                    "The Avro body of a record with schema id " + id + " ends early");
        } catch (IOException | RuntimeException e) {
            throw new WireFormatException(WireFormatException.Kind.MALFORMED_AVRO,
                    "The Avro body of a record with schema id " + id + " does not decode: " + e, nonIoCause(e));
        }
        try {
            if (!decoder.isEnd()) {
                throw new WireFormatException(WireFormatException.Kind.MALFORMED_AVRO,
                        "Unexpected bytes after the Avro body of a record with schema id " + id);
            }
        } catch (IOException e) {
            throw new WireFormatException(WireFormatException.Kind.MALFORMED_AVRO, "Cannot check the end of the record: " + e);
        }
        return value;
    }

    /**
     * The cause to attach, or null when it holds an {@link IOException}: failure classifiers treat an I/O
     * error in the chain as transient, which a malformed record never is.
     */
    private static Throwable nonIoCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException) {
                return null;
            }
        }
        return e;
    }

    private static GenericData genericWriteModel() {
        GenericData model = new GenericData();
        model.addLogicalTypeConversion(new TimeConversions.DateConversion());
        model.addLogicalTypeConversion(new TimeConversions.TimeMillisConversion());
        model.addLogicalTypeConversion(new TimeConversions.TimeMicrosConversion());
        model.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
        model.addLogicalTypeConversion(new TimeConversions.TimestampMicrosConversion());
        model.addLogicalTypeConversion(new TimeConversions.LocalTimestampMillisConversion());
        model.addLogicalTypeConversion(new TimeConversions.LocalTimestampMicrosConversion());
        model.addLogicalTypeConversion(new org.apache.avro.Conversions.DecimalConversion());
        model.addLogicalTypeConversion(new org.apache.avro.Conversions.UUIDConversion());
        return model;
    }

    private static final class EncodeBuffer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        private BinaryEncoder encoder;
    }
}
