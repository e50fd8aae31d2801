package no.ipshub.log.parquet;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import no.ipshub.log.fidelity.PublishedFidelity;
import no.ipshub.log.indicators.PublishedIndicators;
import no.ipshub.log.survival.PublishedTimeToEvent;
import no.ipshub.schemas.v1.CollaborationLogEntry;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificData;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Writes the research exports as Parquet files onto a stream: the entries with the {@code CollaborationLogEntry}
 * contract as their schema (dates as DATE, {@code recordedAt} as TIMESTAMP, wages as DECIMAL(9,2)), and the
 * indicators and IPS-25 evidence with the same columns as their CSV forms. Row groups are kept small so that an
 * export of any size holds only a few megabytes in memory.
 */
public final class ParquetTables {

    /** Rows are flushed to the stream in row groups of about this size. */
    static final long ROW_GROUP_BYTES = 4L * 1024 * 1024;

    static final Schema INDICATOR = SchemaBuilder.record("IndicatorCell").namespace("no.ipshub.research").fields()
            .name("from").type(date()).noDefault()
            .name("to").type(date()).noDefault()
            .requiredString("groupBy")
            .requiredString("group")
            .requiredString("indicator")
            .optionalDouble("value")
            .requiredString("suppression")
            .endRecord();

    static final Schema FIDELITY = SchemaBuilder.record("FidelityScore").namespace("no.ipshub.research").fields()
            .name("from").type(date()).noDefault()
            .name("to").type(date()).noDefault()
            .requiredString("team")
            .requiredInt("item")
            .requiredString("itemId")
            .requiredString("evidence")
            .optionalString("basis")
            .optionalDouble("value")
            .optionalInt("anchor")
            .optionalInt("cases")
            .optionalString("suppression")
            .endRecord();

    static final Schema TIME_TO_EVENT = SchemaBuilder.record("TimeToEventCell").namespace("no.ipshub.research").fields()
            .name("from").type(date()).noDefault()
            .name("to").type(date()).noDefault()
            .name("observedTo").type(date()).noDefault()
            .requiredString("groupBy")
            .requiredString("group")
            .requiredString("measure")
            .optionalDouble("value")
            .requiredString("suppression")
            .endRecord();

    private ParquetTables() {
    }

    /** Writes entries handed to the consumer given to {@code source}, one row each. */
    public static void entries(OutputStream out, Consumer<Consumer<CollaborationLogEntry>> source) throws IOException {
        SpecificData model = new CollaborationLogEntry().getSpecificData();
        try (ParquetWriter<CollaborationLogEntry> writer = AvroParquetWriter.<CollaborationLogEntry>builder(new StreamOutputFile(out))
                .withSchema(CollaborationLogEntry.getClassSchema())
                .withDataModel(model)
                .withConf(new PlainParquetConfiguration())
                .withCodecFactory(new GzipCodecs())
                .withCompressionCodec(CompressionCodecName.GZIP)
                .withRowGroupSize(ROW_GROUP_BYTES)
                .build()) {
            try {
                source.accept(entry -> {
                    try {
                        writer.write(entry);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
    }

    /** Writes the published indicators, one row per group and indicator. */
    public static void indicators(OutputStream out, PublishedIndicators published) throws IOException {
        try (ParquetWriter<GenericRecord> writer = generic(out, INDICATOR)) {
            for (PublishedIndicators.Cell cell : published.cells()) {
                GenericRecord r = new GenericData.Record(INDICATOR);
                r.put("from", (int) published.from().toEpochDay());
                r.put("to", (int) published.to().toEpochDay());
                r.put("groupBy", published.groupBy().parameter());
                r.put("group", cell.group());
                r.put("indicator", cell.indicator());
                r.put("value", cell.value());
                r.put("suppression", cell.suppression().name());
                writer.write(r);
            }
        }
    }

    /** Writes the published IPS-25 evidence, one row per team and item. */
    public static void fidelity(OutputStream out, PublishedFidelity published) throws IOException {
        try (ParquetWriter<GenericRecord> writer = generic(out, FIDELITY)) {
            for (PublishedFidelity.Team team : published.teams()) {
                for (PublishedFidelity.Score score : team.items()) {
                    PublishedFidelity.Item item = published.items().get(score.number() - 1);
                    GenericRecord r = new GenericData.Record(FIDELITY);
                    r.put("from", (int) published.from().toEpochDay());
                    r.put("to", (int) published.to().toEpochDay());
                    r.put("team", team.team());
                    r.put("item", score.number());
                    r.put("itemId", score.id());
                    r.put("evidence", score.evidence().name());
                    r.put("basis", item.basis() == null ? null : item.basis().name());
                    r.put("value", score.value());
                    r.put("anchor", score.anchor());
                    r.put("cases", score.cases());
                    r.put("suppression", score.suppression() == null ? null : score.suppression().name());
                    writer.write(r);
                }
            }
        }
    }

    /** Writes the published time-to-event results, one row per group and measure. */
    public static void timeToEvent(OutputStream out, PublishedTimeToEvent published) throws IOException {
        try (ParquetWriter<GenericRecord> writer = generic(out, TIME_TO_EVENT)) {
            for (PublishedTimeToEvent.Cell cell : published.cells()) {
                GenericRecord r = new GenericData.Record(TIME_TO_EVENT);
                r.put("from", (int) published.from().toEpochDay());
                r.put("to", (int) published.to().toEpochDay());
                r.put("observedTo", (int) published.observedTo().toEpochDay());
                r.put("groupBy", published.groupBy().parameter());
                r.put("group", cell.group());
                r.put("measure", cell.measure());
                r.put("value", cell.value());
                r.put("suppression", cell.suppression().name());
                writer.write(r);
            }
        }
    }

    private static ParquetWriter<GenericRecord> generic(OutputStream out, Schema schema) throws IOException {
        return AvroParquetWriter.<GenericRecord>builder(new StreamOutputFile(out))
                .withSchema(schema)
                .withDataModel(GenericData.get())
                .withConf(new PlainParquetConfiguration())
                .withCodecFactory(new GzipCodecs())
                .withCompressionCodec(CompressionCodecName.GZIP)
                .withRowGroupSize(ROW_GROUP_BYTES)
                .build();
    }

    private static Schema date() {
        return org.apache.avro.LogicalTypes.date().addToSchema(Schema.create(Schema.Type.INT));
    }
}
