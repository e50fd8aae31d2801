package no.ipshub.web.page;

import com.samskivert.mustache.Escapers;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.mustache.autoconfigure.MustacheResourceTemplateLoader;

/**
 * The pages' Mustache templates, from {@code templates/<name>.mustache} on the classpath (where Spring Boot's
 * Mustache support looks), compiled once. {@code {{value}}} is escaped for element content and quoted attribute
 * values; a key the template names but the model lacks is an error, a null value renders as nothing, and an
 * empty string or list is false in a section. Triple braces put markup in unescaped: only for markup the hub
 * made itself (JSON for a chart, escaped already), never for a value from a partner or a caller.
 */
public final class PageTemplates {

    /** The characters {@code {{ }}} escapes, as the hub's pages always have. */
    private static final Mustache.Escaper HTML = Escapers.simple(new String[][] {
        {"&", "&amp;"}, {"<", "&lt;"}, {">", "&gt;"}, {"\"", "&quot;"}, {"'", "&#39;"}});

    private static final Mustache.Compiler COMPILER = Mustache.compiler()
            .withLoader(new MustacheResourceTemplateLoader("classpath:/templates/", ".mustache"))
            .withEscaper(HTML)
            .nullValue("")
            .emptyStringIsFalse(true);

    private static final Map<String, Template> COMPILED = new ConcurrentHashMap<>();

    private PageTemplates() {
    }

    /**
     * The template {@code name}, e.g. {@code ops/routes}.
     *
     * @throws com.samskivert.mustache.MustacheException when there is none or it does not parse
     */
    public static Template get(String name) {
        return COMPILED.computeIfAbsent(name, n -> {
            try {
                return COMPILER.loadTemplate(n);
            } catch (Exception e) {
                throw new IllegalStateException("cannot read the page template " + n, e);
            }
        });
    }

    /** The template {@code name} drawn with {@code model} (a map, a record or any object with accessors). */
    public static String render(String name, Object model) {
        return get(name).execute(model);
    }

    /** Text escaped as {@code {{ }}} escapes it, for the rare value put together in Java. */
    public static String escape(Object value) {
        return value == null ? "" : HTML.escape(value.toString());
    }
}
