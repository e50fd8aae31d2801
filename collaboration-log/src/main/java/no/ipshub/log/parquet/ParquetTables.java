package no.ipshub.log.parquet;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import no.ipshub.log.fidelity.PublishedFidelity;
import no.ipshub.log.indicators.PublishedIndicators;
import no.ipshub.log.pairs.PublishedPairs;
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

    private static final String VALUE_BLANK = " Null when suppressed (see suppression) or when there is nothing to compute it from.";
    private static final String SUPPRESSION = "Why the value is blank: NONE (shown), PRIMARY, SECONDARY or DIFFERENCING.";

    /** The indicators' columns, with their docs: the codebook is made from them. */
    public static final Schema INDICATOR = SchemaBuilder.record("IndicatorCell").namespace("no.ipshub.research")
            .doc("One IPS indicator of one group of a period (docs/indicators.md).").fields()
            .name("from").doc("First day of the period.").type(date()).noDefault()
            .name("to").doc("Last day of the period.").type(date()).noDefault()
            .name("groupBy").doc("How the rows are grouped: team, navOffice or month.").type().stringType().noDefault()
            .name("group").doc("The treatment team's or NAV office's partner id, the month (yyyy-MM), or ALL.")
            .type().stringType().noDefault()
            .name("indicator").doc("The indicator's id (docs/indicators.md).").type().stringType().noDefault()
            .name("value").doc("The indicator's value, two decimals." + VALUE_BLANK).type().optional().doubleType()
            .name("suppression").doc(SUPPRESSION).type().stringType().noDefault()
            .endRecord();

    /** The IPS-25 evidence's columns, with their docs. */
    public static final Schema FIDELITY = SchemaBuilder.record("FidelityScore").namespace("no.ipshub.research")
            .doc("One IPS-25 item of one team of a period, as far as events can evidence it (docs/fidelity.md).").fields()
            .name("from").doc("First day of the period.").type(date()).noDefault()
            .name("to").doc("Last day of the period.").type(date()).noDefault()
            .name("team").doc("The treatment team's partner id, or ALL.").type().stringType().noDefault()
            .name("item").doc("The item's number on the scale, 1 to 25.").type().intType().noDefault()
            .name("itemId").doc("The item's id (docs/fidelity.md).").type().stringType().noDefault()
            .name("evidence").doc("FROM_EVENTS when events can evidence the item, NOT_FROM_EVENTS otherwise.")
            .type().stringType().noDefault()
            .name("basis").doc("SCALE (the scale's own anchors) or PROXY (the log's thresholds). Null when not from events.")
            .type().optional().stringType()
            .name("value").doc("The measured value, two decimals." + VALUE_BLANK).type().optional().doubleType()
            .name("anchor").doc("The anchor 1 to 5 the value reaches. Null with the value.").type().optional().intType()
            .name("cases").doc("How many cases are behind the value. Null when suppressed or not from events.")
            .type().optional().intType()
            .name("suppression").doc(SUPPRESSION + " Null when not from events.").type().optional().stringType()
            .endRecord();

    /** The pair picture's columns, with their docs. */
    public static final Schema PAIR = SchemaBuilder.record("PairCell").namespace("no.ipshub.research")
            .doc("One measure of one treatment team and NAV office pair in one month (docs/indicators.md).").fields()
            .name("from").doc("First day of the period.").type(date()).noDefault()
            .name("to").doc("Last day of the period.").type(date()).noDefault()
            .name("team").doc("The treatment team's partner id, or ALL (every pair).").type().stringType().noDefault()
            .name("navOffice").doc("The NAV office's partner id, or ALL (every pair).").type().stringType().noDefault()
            .name("month").doc("The month (yyyy-MM), or ALL (the whole period).").type().stringType().noDefault()
            .name("measure").doc("An indicator's id, or entries.<KIND> for the number of entries of that kind.")
            .type().stringType().noDefault()
            .name("value").doc("The measure's value, two decimals." + VALUE_BLANK).type().optional().doubleType()
            .name("suppression").doc(SUPPRESSION).type().stringType().noDefault()
            .endRecord();

    /** The time-to-event results' columns, with their docs. */
    public static final Schema TIME_TO_EVENT = SchemaBuilder.record("TimeToEventCell").namespace("no.ipshub.research")
            .doc("One Kaplan-Meier result of one group (docs/indicators.md, Time to event).").fields()
            .name("from").doc("First day of the period: the cohort's referrals and the jobs' starts.").type(date()).noDefault()
            .name("to").doc("Last day of the period.").type(date()).noDefault()
            .name("observedTo").doc("The observation end: to, or the day asked when to lies ahead.").type(date()).noDefault()
            .name("groupBy").doc("How the groups are formed: team, navOffice or pair.").type().stringType().noDefault()
            .name("group").doc("The team, NAV office, team|navOffice, or ALL.").type().stringType().noDefault()
            .name("measure").doc("The result's id, e.g. firstJob.medianDays (docs/indicators.md).").type().stringType().noDefault()
            .name("value").doc("Days for medians, a share 0 to 1 for the curve, a count otherwise; three decimals."
                    + VALUE_BLANK).type().optional().doubleType()
            .name("suppression").doc(SUPPRESSION).type().stringType().noDefault()
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

    /** Writes the published pair picture, one row per measure, pair and month. */
    public static void pairs(OutputStream out, PublishedPairs published) throws IOException {
        try (ParquetWriter<GenericRecord> writer = generic(out, PAIR)) {
            for (PublishedPairs.Cell cell : published.cells()) {
                GenericRecord r = new GenericData.Record(PAIR);
                r.put("from", (int) published.from().toEpochDay());
                r.put("to", (int) published.to().toEpochDay());
                r.put("team", cell.team());
                r.put("navOffice", cell.navOffice());
                r.put("month", cell.month());
                r.put("measure", cell.measure());
                r.put("value", cell.value());
                r.put("suppression", cell.suppression().name());
                writer.write(r);
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
