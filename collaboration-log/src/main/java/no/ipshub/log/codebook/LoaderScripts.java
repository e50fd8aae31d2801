package no.ipshub.log.codebook;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Scripts that load the exports with the codebook's labels: R (the Parquet files, with the arrow package), Stata (the
 * Parquet files, with the parquet command from SSC) and SPSS (the CSV files: SPSS has no Parquet reader). Made from
 * the codebook, so they name every column the files have.
 */
public final class LoaderScripts {

    private static final int STATA_LABEL = 80;

    private LoaderScripts() {
    }

    /** R: {@code ips_load(file, dataset)} returns a data frame with labels and factors of the coded columns. */
    public static String r(Codebook codebook) {
        StringBuilder r = new StringBuilder("""
                # Loads the research exports of the IPS Collaboration Hub with the codebook's labels.
                # Needs the arrow package: install.packages("arrow").
                # Use: entries <- ips_load("entries.parquet", "entries"); the datasets are %s.
                library(arrow)

                """.formatted(codebook.datasets().stream().map(d -> rString(d.name())).collect(Collectors.joining(", "))));
        r.append("ips_labels <- list(\n");
        r.append(codebook.datasets().stream().map(d -> "  " + rString(d.name()) + " = list(\n" + d.columns().stream()
                .map(c -> "    " + c.name() + " = " + rString(c.meaning())).collect(Collectors.joining(",\n")) + "\n  )")
                .collect(Collectors.joining(",\n")));
        r.append("\n)\n\nips_values <- list(\n");
        r.append(codebook.datasets().stream().map(d -> "  " + rString(d.name()) + " = list(\n" + d.columns().stream()
                .filter(c -> !c.values().isEmpty())
                .map(c -> "    " + c.name() + " = c(" + c.values().stream().map(v -> rString(v.value()) + " = "
                        + rString(v.label())).collect(Collectors.joining(", ")) + ")").collect(Collectors.joining(",\n"))
                + "\n  )").collect(Collectors.joining(",\n")));
        r.append("""

                )

                ips_load <- function(file, dataset) {
                  data <- as.data.frame(arrow::read_parquet(file))
                  for (column in names(data)) {
                    codes <- ips_values[[dataset]][[column]]
                    if (!is.null(codes)) {
                      data[[column]] <- factor(data[[column]], levels = names(codes))
                      attr(data[[column]], "value_labels") <- codes
                    }
                    label <- ips_labels[[dataset]][[column]]
                    if (!is.null(label)) {
                      attr(data[[column]], "label") <- label
                    }
                  }
                  data
                }
                """);
        return r.toString();
    }

    /** Stata: a program per dataset, {@code ips_load_<dataset> "file.parquet"}. */
    public static String stata(Codebook codebook) {
        StringBuilder s = new StringBuilder("""
                * Loads the research exports of the IPS Collaboration Hub with the codebook's labels.
                * Needs the parquet command: ssc install parquet. Use: ips_load_entries "entries.parquet"
                * Coded string columns get a numbered copy <column>_code with value labels.
                """);
        for (Codebook.Dataset d : codebook.datasets()) {
            String program = "ips_load_" + d.name().replace('-', '_');
            s.append("\ncapture program drop ").append(program).append("\nprogram define ").append(program).append("\n")
                    .append("    args file\n    parquet use using `\"`file'\"', clear\n");
            for (Codebook.Column c : d.columns()) {
                s.append("    capture label variable ").append(c.name()).append(" ").append(stataString(c.meaning(), STATA_LABEL))
                        .append("\n");
            }
            for (Codebook.Column c : d.columns()) {
                if (c.values().isEmpty() || !c.type().equals("string")) {
                    continue;
                }
                String label = c.name().length() > 27 ? c.name().substring(0, 27) : c.name();
                s.append("    capture label drop ").append(label).append("\n    label define ").append(label);
                List<Codebook.Value> values = c.values();
                for (int i = 0; i < values.size(); i++) {
                    s.append(" ").append(i + 1).append(" ").append(stataString(values.get(i).value(), 80));
                }
                s.append("\n    capture encode ").append(c.name()).append(", generate(").append(label).append("_code) label(")
                        .append(label).append(") noextend\n");
            }
            s.append("end\n");
        }
        return s.toString();
    }

    /** SPSS: a block per dataset that reads its CSV file, labels the columns and numbers the coded ones. */
    public static String spss(Codebook codebook) {
        StringBuilder s = new StringBuilder("""
                * Loads the research exports of the IPS Collaboration Hub with the codebook's labels.
                * SPSS reads the CSV form of each export (it has no Parquet reader); keep the blocks of the files you have.
                * Coded string columns get a numbered copy <column>_c with the codes as value labels.
                """);
        for (Codebook.Dataset d : codebook.datasets()) {
            s.append("\n* ").append(d.name()).append(": ").append(d.description()).append("\n")
                    .append("GET DATA /TYPE=TXT /FILE='").append(d.name()).append(".csv' /ENCODING='UTF8'\n")
                    .append("  /ARRANGEMENT=DELIMITED /DELIMITERS=',' /QUALIFIER='\"' /FIRSTCASE=2\n  /VARIABLES=\n");
            for (Codebook.Column c : d.columns()) {
                s.append("    ").append(spssName(c.name())).append(" ").append(spssFormat(c)).append("\n");
            }
            s.append(".\nVARIABLE LABELS\n");
            s.append(d.columns().stream().map(c -> "  " + spssName(c.name()) + " " + spssString(c.meaning(), 250))
                    .collect(Collectors.joining("\n")));
            s.append(".\n");
            for (Codebook.Column c : d.columns()) {
                if (!c.values().isEmpty() && c.type().equals("string")) {
                    s.append("AUTORECODE VARIABLES=").append(spssName(c.name())).append(" /INTO ")
                            .append(spssName(c.name()).length() > 62 ? spssName(c.name()).substring(0, 62) : spssName(c.name()))
                            .append("_c.\n");
                }
            }
            // a copy under the export's name: the next GET DATA replaces the active dataset, not the copy
            s.append("DATASET COPY ").append(spssName(d.name())).append(".\n");
        }
        s.append("EXECUTE.\n");
        return s.toString();
    }

    private static String spssFormat(Codebook.Column c) {
        return switch (c.type()) {
            case "date" -> "SDATE10";
            case "integer" -> "F10.0";
            case "double" -> "F16.3";
            case "boolean" -> "A5";
            case "timestamp" -> "A30";
            default -> c.type().startsWith("decimal") ? "F12.2" : "A255";
        };
    }

    /** SPSS names: letters, digits and underscores, starting with a letter; {@code from} and {@code to} are kept. */
    private static String spssName(String name) {
        String n = name.replace('-', '_').replace('.', '_');
        return switch (n.toUpperCase()) {
            case "TO", "BY", "WITH", "ALL", "AND", "OR", "NOT", "EQ", "GE", "GT", "LE", "LT", "NE" -> n + "_";
            default -> n;
        };
    }

    private static String rString(String text) {
        return "\"" + (text == null ? "" : text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ")) + "\"";
    }

    private static String stataString(String text, int max) {
        String t = text == null ? "" : text.replace("\"", "'").replace("`", "'").replace("\n", " ");
        return "\"" + (t.length() > max ? t.substring(0, max - 3) + "..." : t) + "\"";
    }

    private static String spssString(String text, int max) {
        String t = text == null ? "" : text.replace("\n", " ");
        t = t.length() > max ? t.substring(0, max - 3) + "..." : t;
        return "'" + t.replace("'", "''") + "'";
    }
}
