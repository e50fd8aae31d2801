package no.ipshub.operations.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;

/**
 * A page skeleton from the classpath with {@code {{name}}} slots, filled in one pass so that text put into
 * one slot can never be read as another slot. With a plain map the caller escapes what it puts in; with
 * {@link Slots} a value is escaped unless it is given as markup.
 *
 * <p>A file of {@linkplain #parts parts} holds several small templates (a section, its row, its empty row),
 * each starting at a line {@code <!-- part: name -->}. In a part, a line break and the indentation after it
 * between two tags or slots are left out, so a part can be written over several lines and still renders as
 * compact as one line; text that needs a space between two tags keeps them on one line.
 *
 * <p>Public so that the hub's other pages (the research page) draw their markup the same way.
 */
public final class OpsTemplate {

    private static final Pattern SLOT = Pattern.compile("\\{\\{([A-Za-z]+)}}");
    private static final Pattern PART = Pattern.compile("^\\s*<!--\\s*part:\\s*([a-z][a-z-]*)\\s*-->\\s*$",
            Pattern.MULTILINE);
    private static final Pattern BREAK_BETWEEN_TAGS = Pattern.compile("(>|}})[ \\t]*\\R\\s*(<|\\{\\{)");

    private final String text;

    private OpsTemplate(String text) {
        this.text = text;
    }

    public static OpsTemplate load(String location) {
        return new OpsTemplate(read(location));
    }

    /**
     * The parts of a file, by name. Anything before the first part (a comment on the file) is ignored.
     *
     * @throws IllegalArgumentException when the file has no part or a name twice
     */
    public static Parts parts(String location) {
        String file = read(location);
        Matcher m = PART.matcher(file);
        Map<String, OpsTemplate> parts = new LinkedHashMap<>();
        String name = null;
        int start = 0;
        while (m.find()) {
            if (name != null) {
                add(parts, location, name, file.substring(start, m.start()));
            }
            name = m.group(1);
            start = m.end();
        }
        if (name == null) {
            throw new IllegalArgumentException(location + " has no <!-- part: name --> line");
        }
        add(parts, location, name, file.substring(start));
        return new Parts(location, Map.copyOf(parts));
    }

    private static void add(Map<String, OpsTemplate> parts, String location, String name, String body) {
        String compact = BREAK_BETWEEN_TAGS.matcher(body.strip()).replaceAll("$1$2");
        if (parts.put(name, new OpsTemplate(compact)) != null) {
            throw new IllegalArgumentException(location + " has the part " + name + " twice");
        }
    }

    private static String read(String location) {
        try (InputStream in = new ClassPathResource(location).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the page template " + location, e);
        }
    }

    /**
     * The page with every slot replaced by its value.
     *
     * @throws IllegalArgumentException when a slot has no value
     */
    public String render(Map<String, String> values) {
        Matcher m = SLOT.matcher(text);
        StringBuilder out = new StringBuilder(text.length() * 2);
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("no value for the slot {{" + m.group(1) + "}}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The template with its slots filled from {@code slots}. */
    public String render(Slots slots) {
        return render(slots.values);
    }

    /** Empty slot values to fill. */
    public static Slots slots() {
        return new Slots();
    }

    /** Slot values: text is escaped on the way in, markup (already escaped, or rendered from a part) is not. */
    public static final class Slots {

        private final Map<String, String> values = new HashMap<>();

        private Slots() {
        }

        /** Text or a number for {@code slot}, escaped; null becomes empty. */
        public Slots text(String slot, Object value) {
            values.put(slot, OpsHtml.esc(value));
            return this;
        }

        /** Markup for {@code slot}, put in as it is. */
        public Slots html(String slot, String markup) {
            values.put(slot, markup);
            return this;
        }
    }

    /** The named parts of one file. */
    public record Parts(String location, Map<String, OpsTemplate> byName) {

        /**
         * The part called {@code name}.
         *
         * @throws IllegalArgumentException when there is none
         */
        public OpsTemplate get(String name) {
            OpsTemplate part = byName.get(name);
            if (part == null) {
                throw new IllegalArgumentException(location + " has no part " + name);
            }
            return part;
        }
    }
}
