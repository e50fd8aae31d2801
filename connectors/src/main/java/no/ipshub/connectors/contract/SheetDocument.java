package no.ipshub.connectors.contract;

import java.util.ArrayList;
import java.util.List;
import org.springframework.web.util.HtmlUtils;

/**
 * A small document of headings, paragraphs, code blocks and tables that renders as Markdown and as a plain HTML
 * page, so that both forms of a contract sheet say the same. Paragraph text may hold {@code `code`} spans.
 */
final class SheetDocument {

    /** One block of the document, in both forms. */
    private interface Block {
        void markdown(StringBuilder md);

        void html(StringBuilder html);
    }

    private record Heading(int level, String text) implements Block {
        public void markdown(StringBuilder md) {
            md.append("#".repeat(level)).append(' ').append(text).append("\n\n");
        }

        public void html(StringBuilder html) {
            html.append("<h").append(level).append('>').append(inline(text)).append("</h").append(level).append(">\n");
        }
    }

    private record Paragraph(String text) implements Block {
        public void markdown(StringBuilder md) {
            md.append(text).append("\n\n");
        }

        public void html(StringBuilder html) {
            html.append("<p>").append(inline(text)).append("</p>\n");
        }
    }

    private record Code(String language, String text) implements Block {
        public void markdown(StringBuilder md) {
            md.append("```").append(language).append('\n').append(text).append("\n```\n\n");
        }

        public void html(StringBuilder html) {
            html.append("<pre><code class=\"language-").append(escape(language)).append("\">").append(escape(text))
                    .append("</code></pre>\n");
        }
    }

    private record Table(List<String> header, List<List<String>> rows) implements Block {
        public void markdown(StringBuilder md) {
            md.append("| ").append(String.join(" | ", header)).append(" |\n");
            md.append("|").append("---|".repeat(header.size())).append('\n');
            for (List<String> row : rows) {
                md.append("| ").append(String.join(" | ", row.stream().map(c -> c.replace("|", "\\|")).toList()))
                        .append(" |\n");
            }
            md.append('\n');
        }

        public void html(StringBuilder html) {
            html.append("<table>\n<thead><tr>");
            header.forEach(cell -> html.append("<th>").append(inline(cell)).append("</th>"));
            html.append("</tr></thead>\n<tbody>\n");
            for (List<String> row : rows) {
                html.append("<tr>");
                row.forEach(cell -> html.append("<td>").append(inline(cell)).append("</td>"));
                html.append("</tr>\n");
            }
            html.append("</tbody>\n</table>\n");
        }
    }

    private final List<Block> blocks = new ArrayList<>();

    SheetDocument heading(int level, String text) {
        blocks.add(new Heading(level, text));
        return this;
    }

    SheetDocument paragraph(String text) {
        blocks.add(new Paragraph(text));
        return this;
    }

    SheetDocument code(String language, String text) {
        blocks.add(new Code(language, text.strip()));
        return this;
    }

    SheetDocument table(List<String> header, List<List<String>> rows) {
        blocks.add(new Table(List.copyOf(header), List.copyOf(rows)));
        return this;
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        blocks.forEach(b -> b.markdown(md));
        return md.toString();
    }

    String html(String title) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escape(title)).append("</title>\n</head>\n<body>\n");
        blocks.forEach(b -> b.html(html));
        return html.append("</body>\n</html>\n").toString();
    }

    /** Escapes the text and turns {@code `code`} spans into {@code <code>}. */
    private static String inline(String text) {
        String[] parts = text.split("`", -1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            String escaped = escape(parts[i]);
            out.append(i % 2 == 1 && i < parts.length - 1 ? "<code>" + escaped + "</code>" : escaped);
        }
        return out.toString();
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
