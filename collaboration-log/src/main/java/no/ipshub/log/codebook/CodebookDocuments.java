package no.ipshub.log.codebook;

import java.util.stream.Collectors;

/** The codebook as Markdown and as an HTML page. */
public final class CodebookDocuments {

    private CodebookDocuments() {
    }

    /** Markdown: a section per export, a table of its columns. */
    public static String markdown(Codebook codebook) {
        StringBuilder md = new StringBuilder("# Codebook of the research exports\n\n")
                .append("Made from the schemas the exports are written with. Rows: a project's researchers only; tables: ")
                .append("researchers and table readers. Every file is served as CSV and Parquet with the same columns.\n");
        for (Codebook.Dataset d : codebook.datasets()) {
            md.append("\n## ").append(d.name()).append("\n\n").append(d.description()).append(" Files: ")
                    .append(d.files().stream().map(f -> "`" + f + "`").collect(Collectors.joining(", ")))
                    .append(" (").append(d.access()).append(").\n\n")
                    .append("| column | type | unit | meaning | values | blanked by |\n|---|---|---|---|---|---|\n");
            for (Codebook.Column c : d.columns()) {
                md.append("| `").append(c.name()).append("` | ").append(c.type()).append(c.nullable() ? ", may be empty" : "")
                        .append(" | ").append(cell(c.unit())).append(" | ").append(cell(c.meaning())).append(" | ")
                        .append(c.values().stream().map(v -> "`" + v.value() + "` " + v.label())
                                .map(CodebookDocuments::cell).collect(Collectors.joining("; ")))
                        .append(" | ").append(cell(c.blankedBy())).append(" |\n");
            }
        }
        return md.toString();
    }

    /** A standalone HTML page: the same tables, escaped. */
    public static String html(Codebook codebook) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Codebook of the research exports</title></head><body>\n<h1>Codebook of the research exports</h1>\n");
        for (Codebook.Dataset d : codebook.datasets()) {
            html.append("<h2 id=\"").append(escape(d.name())).append("\">").append(escape(d.name())).append("</h2>\n<p>")
                    .append(escape(d.description())).append(" Files: ").append(escape(String.join(", ", d.files())))
                    .append(" (").append(escape(d.access())).append(").</p>\n<table><thead><tr><th>column</th><th>type</th>"
                            + "<th>unit</th><th>meaning</th><th>values</th><th>blanked by</th></tr></thead><tbody>\n");
            for (Codebook.Column c : d.columns()) {
                html.append("<tr><td><code>").append(escape(c.name())).append("</code></td><td>").append(escape(c.type()))
                        .append(c.nullable() ? ", may be empty" : "").append("</td><td>").append(escape(c.unit()))
                        .append("</td><td>").append(escape(c.meaning())).append("</td><td>")
                        .append(escape(c.values().stream().map(v -> v.value() + " " + v.label())
                                .collect(Collectors.joining("; "))))
                        .append("</td><td>").append(escape(c.blankedBy())).append("</td></tr>\n");
            }
            html.append("</tbody></table>\n");
        }
        return html.append("</body></html>\n").toString();
    }

    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
