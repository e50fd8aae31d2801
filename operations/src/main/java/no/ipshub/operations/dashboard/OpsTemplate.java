package no.ipshub.operations.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;

/**
 * A page skeleton from the classpath with {@code {{name}}} slots, filled in one pass so that text put into
 * one slot can never be read as another slot. The caller escapes what it puts in.
 */
final class OpsTemplate {

    private static final Pattern SLOT = Pattern.compile("\\{\\{([A-Za-z]+)}}");

    private final String text;

    private OpsTemplate(String text) {
        this.text = text;
    }

    static OpsTemplate load(String location) {
        try (InputStream in = new ClassPathResource(location).getInputStream()) {
            return new OpsTemplate(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the page template " + location, e);
        }
    }

    /**
     * The page with every slot replaced by its value.
     *
     * @throws IllegalArgumentException when a slot has no value
     */
    String render(Map<String, String> values) {
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
}
