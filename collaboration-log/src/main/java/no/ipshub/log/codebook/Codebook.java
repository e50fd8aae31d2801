package no.ipshub.log.codebook;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.ipshub.log.indicators.Indicator;
import no.ipshub.log.pairs.PairPictureCalculator;
import no.ipshub.log.parquet.ParquetTables;
import no.ipshub.log.suppression.Suppression;
import no.ipshub.log.survival.TimeToEventTable;
import no.ipshub.schemas.v1.CollaborationLogEntry;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/**
 * The data dictionary of every research export: per file its columns with type, unit, meaning, value labels and the
 * rule that can blank them. Made from the schemas the exports are written with (the {@code CollaborationLogEntry}
 * contract for the entries, the documented Parquet schemas of {@link ParquetTables} for the tables) and from the
 * enums that name the values, so it says what the files hold and cannot drift from them.
 *
 * @param datasets one per export
 */
public record Codebook(List<Dataset> datasets) {

    /** The one codebook of this hub's exports. */
    public static final Codebook CURRENT = build();

    /**
     * One export.
     *
     * @param name        e.g. {@code entries}
     * @param files       its files, e.g. {@code exports/entries.parquet}
     * @param access      {@code rows} (a project's researchers) or {@code tables} (researchers and table readers)
     * @param description what one row is
     * @param columns     its columns, in file order
     */
    public record Dataset(String name, List<String> files, String access, String description, List<Column> columns) {
    }

    /**
     * One column.
     *
     * @param name      the column's name in every form of the export
     * @param type      string, date, timestamp, integer, double, decimal(9,2) or boolean
     * @param unit      the unit of a number; null when it has none
     * @param nullable  whether it can be empty
     * @param meaning   what it holds and what empty means, from the schema's doc
     * @param values    the values it can take with their meaning; empty when free
     * @param blankedBy the rule that can blank a value; null when none can
     */
    public record Column(String name, String type, String unit, boolean nullable, String meaning, List<Value> values,
            String blankedBy) {
    }

    /**
     * One value of a column and its label.
     *
     * @param value the value as written
     * @param label what it means
     */
    public record Value(String value, String label) {
    }

    private static final String SUPPRESSED = "small-cell suppression and the arithmetic check (docs/indicators.md, "
            + "Disclosure control): PRIMARY, SECONDARY or DIFFERENCING in suppression";

    private static Codebook build() {
        List<Dataset> datasets = new ArrayList<>();
        datasets.add(new Dataset("entries", List.of("exports/entries.csv", "exports/entries.parquet"), "rows",
                CollaborationLogEntry.getClassSchema().getDoc(), columns(CollaborationLogEntry.getClassSchema(), null)));
        datasets.add(table("indicators", ParquetTables.INDICATOR));
        datasets.add(table("fidelity", ParquetTables.FIDELITY));
        datasets.add(table("pairs", ParquetTables.PAIR));
        datasets.add(table("time-to-event", ParquetTables.TIME_TO_EVENT));
        return new Codebook(List.copyOf(datasets));
    }

    private static Dataset table(String name, Schema schema) {
        return new Dataset(name, List.of("exports/" + name + ".csv", "exports/" + name + ".parquet"), "tables",
                schema.getDoc(), columns(schema, SUPPRESSED));
    }

    private static List<Column> columns(Schema record, String tableRule) {
        List<Column> columns = new ArrayList<>();
        for (Schema.Field field : record.getFields()) {
            Schema type = field.schema();
            boolean nullable = type.isNullable();
            if (type.getType() == Schema.Type.UNION) {
                type = type.getTypes().stream().filter(t -> t.getType() != Schema.Type.NULL).findFirst().orElseThrow();
            }
            String name = field.name();
            boolean value = name.equals("value") || name.equals("anchor") || name.equals("cases");
            columns.add(new Column(name, type(type), unit(record, name), nullable, field.doc(), values(record, name, type),
                    tableRule != null && value ? tableRule : null));
        }
        return List.copyOf(columns);
    }

    private static String type(Schema s) {
        LogicalType logical = s.getLogicalType();
        if (logical instanceof LogicalTypes.Date) {
            return "date";
        }
        if (logical instanceof LogicalTypes.TimestampMillis) {
            return "timestamp";
        }
        if (logical instanceof LogicalTypes.Decimal d) {
            return "decimal(" + d.getPrecision() + "," + d.getScale() + ")";
        }
        return switch (s.getType()) {
            case STRING, ENUM -> "string";
            case INT, LONG -> "integer";
            case DOUBLE, FLOAT -> "double";
            case BOOLEAN -> "boolean";
            default -> s.getType().getName();
        };
    }

    private static String unit(Schema record, String column) {
        return switch (column) {
            case "hoursPerWeek" -> "hours per week";
            case "hourlyWage" -> "NOK per hour, gross";
            case "eventDate", "referralDate", "measureEndDate", "from", "to", "observedTo" -> "day (yyyy-MM-dd)";
            case "recordedAt" -> "instant (UTC)";
            default -> null;
        };
    }

    private static List<Value> values(Schema record, String column, Schema type) {
        if (type.getType() == Schema.Type.ENUM) {
            return enumValues(type);
        }
        return switch (column) {
            case "suppression" -> Arrays.stream(Suppression.values()).map(s -> new Value(s.name(), s.meaning())).toList();
            case "indicator" -> Arrays.stream(Indicator.values())
                    .map(i -> new Value(i.id(), "defined in docs/indicators.md, Indicators")).toList();
            case "measure" -> record.getName().equals("TimeToEventCell")
                    ? TimeToEventTable.measures().stream().map(m -> new Value(m.id(), "counted in statistic " + m.statistic()))
                            .toList()
                    : PairPictureCalculator.MEASURES.stream().map(m -> new Value(m, m.startsWith("entries.")
                            ? "entries of kind " + m.substring("entries.".length()) : "the indicator " + m)).toList();
            case "evidence" -> List.of(new Value("FROM_EVENTS", "the log's events evidence the item"),
                    new Value("NOT_FROM_EVENTS", "events cannot evidence the item: no value"));
            case "basis" -> List.of(new Value("SCALE", "the scale's own numeric anchors"),
                    new Value("PROXY", "the log's thresholds on what it can measure"));
            case "groupBy" -> record.getName().equals("TimeToEventCell")
                    ? List.of(new Value("team", "per treatment team"), new Value("navOffice", "per NAV office"),
                            new Value("pair", "per team and NAV office pair"),
                            new Value("specialistChange", "by whether the case was handed to another job specialist "
                                    + "before its first competitive job"))
                    : List.of(new Value("team", "per treatment team"), new Value("navOffice", "per NAV office"),
                            new Value("month", "per calendar month"));
            default -> List.of();
        };
    }

    /** An enum's symbols, each labelled with its meaning where the enum's doc says {@code SYMBOL: meaning.} */
    private static List<Value> enumValues(Schema e) {
        List<Value> values = new ArrayList<>();
        String doc = e.getDoc() == null ? "" : e.getDoc();
        for (String symbol : e.getEnumSymbols()) {
            Matcher m = Pattern.compile("\\b" + Pattern.quote(symbol) + ": ([^.]*)\\.").matcher(doc);
            String label = m.find() ? m.group(1).strip()
                    : symbol.equals("UNKNOWN") ? "a value added in a later version of the contract" : symbol.toLowerCase()
                            .replace('_', ' ');
            values.add(new Value(symbol, label));
        }
        return List.copyOf(values);
    }

    /** The dataset of this name. */
    public Dataset dataset(String name) {
        return datasets.stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow();
    }
}
