package no.ipshub.schemas.released;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import org.apache.avro.Conversions;
import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * Plays a producer that still writes with an older released schema: turns today's generated records into
 * generic records of the released schema, writes them with that schema, and reads them back with today's
 * generated classes. Also predicts what the reader must see: the same values, with the reader's defaults for
 * fields the released schema did not have.
 */
final class ReleasedData {

    /** Generic data that knows the logical types, so dates, instants and decimals are written as Avro does. */
    private static final GenericData GENERIC = new GenericData();

    static {
        GENERIC.addLogicalTypeConversion(new TimeConversions.DateConversion());
        GENERIC.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
        GENERIC.addLogicalTypeConversion(new Conversions.DecimalConversion());
    }

    private ReleasedData() {
    }

    /** The record's values written in Avro binary with the released schema, as an old producer would. */
    static byte[] writeWithReleasedSchema(IndexedRecord current, Schema released) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
            new GenericDatumWriter<Object>(released, GENERIC).write(toReleased(current, released), encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads bytes written with the released schema into today's generated class. */
    static <T extends SpecificRecord> T readWithCurrentClass(byte[] bytes, Schema released, Class<T> type) {
        Schema current = SpecificData.get().getSchema(type);
        try {
            return new SpecificDatumReader<T>(released, current, SpecificData.getForClass(type))
                    .read(null, DecoderFactory.get().binaryDecoder(bytes, null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What today's reader must produce from the record written with the released schema. */
    static Object expectedAfterReading(Object current, Schema released) {
        if (!(current instanceof SpecificRecordBase record)) {
            return current;
        }
        Schema writerRecord = branchNamed(released, record.getSchema());
        SpecificData model = record.getSpecificData();
        SpecificRecordBase expected = (SpecificRecordBase) model.newRecord(null, record.getSchema());
        for (Schema.Field field : record.getSchema().getFields()) {
            Schema.Field writerField = writerField(writerRecord, field);
            expected.put(field.pos(), writerField == null
                    ? model.getDefaultValue(field)
                    : expectedAfterReading(record.get(field.pos()), writerField.schema()));
        }
        return expected;
    }

    /** The value in the generic representation of the released schema. */
    static Object toReleased(Object value, Schema released) {
        switch (released.getType()) {
            case UNION:
                if (value == null) {
                    return null;
                }
                for (Schema branch : released.getTypes()) {
                    if (fits(value, branch)) {
                        return toReleased(value, branch);
                    }
                }
                throw new IllegalArgumentException("no branch of " + released + " fits a " + value.getClass());
            case RECORD:
                IndexedRecord source = (IndexedRecord) value;
                GenericData.Record record = new GenericData.Record(released);
                for (Schema.Field field : released.getFields()) {
                    Schema.Field sourceField = sourceField(source.getSchema(), field);
                    record.put(field.pos(), sourceField == null
                            ? GENERIC.getDefaultValue(field)
                            : toReleased(source.get(sourceField.pos()), field.schema()));
                }
                return record;
            case ENUM:
                return new GenericData.EnumSymbol(released, value.toString());
            case STRING:
                return value.toString();
            case ARRAY:
                GenericData.Array<Object> array = new GenericData.Array<>(((java.util.Collection<?>) value).size(), released);
                for (Object item : (java.util.Collection<?>) value) {
                    array.add(toReleased(item, released.getElementType()));
                }
                return array;
            default:
                return value;
        }
    }

    private static boolean fits(Object value, Schema branch) {
        return switch (branch.getType()) {
            case NULL -> false;
            case RECORD -> value instanceof IndexedRecord r && sameName(r.getSchema(), branch);
            case ENUM -> value instanceof GenericEnumSymbol<?> symbol
                    ? sameName(symbol.getSchema(), branch)
                    : value instanceof Enum<?> && value.getClass().getName().equals(branch.getFullName());
            case STRING -> value instanceof CharSequence;
            case INT -> value instanceof Integer || value instanceof LocalDate;
            case LONG -> value instanceof Long || value instanceof Instant;
            case DOUBLE -> value instanceof Double;
            case FLOAT -> value instanceof Float;
            case BOOLEAN -> value instanceof Boolean;
            case BYTES -> value instanceof ByteBuffer || value instanceof BigDecimal;
            case ARRAY -> value instanceof java.util.Collection<?>;
            default -> false;
        };
    }

    private static boolean sameName(Schema a, Schema b) {
        return a.getFullName().equals(b.getFullName()) || b.getAliases().contains(a.getFullName())
                || a.getAliases().contains(b.getFullName());
    }

    private static Schema branchNamed(Schema writer, Schema readerRecord) {
        if (writer.getType() != Schema.Type.UNION) {
            return writer;
        }
        return writer.getTypes().stream().filter(branch -> branch.getType() == Schema.Type.RECORD
                && sameName(readerRecord, branch)).findFirst().orElseThrow();
    }

    /** The writer's field the reader's field is filled from: same name, or one of the reader field's aliases. */
    private static Schema.Field writerField(Schema writerRecord, Schema.Field readerField) {
        Schema.Field byName = writerRecord.getField(readerField.name());
        if (byName != null) {
            return byName;
        }
        return readerField.aliases().stream().map(writerRecord::getField).filter(f -> f != null).findFirst()
                .orElse(null);
    }

    /** The current field that holds the value of a released field: same name, or the released name as alias. */
    private static Schema.Field sourceField(Schema currentRecord, Schema.Field releasedField) {
        Schema.Field byName = currentRecord.getField(releasedField.name());
        if (byName != null) {
            return byName;
        }
        return currentRecord.getFields().stream().filter(f -> f.aliases().contains(releasedField.name()))
                .findFirst().orElse(null);
    }
}
