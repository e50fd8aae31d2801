package no.ipshub.web.page;

import java.util.LinkedHashMap;

/**
 * The values a template is drawn with, by name; unlike {@code Map.of} it takes nulls (drawn as nothing, false in
 * a section).
 */
public final class Model extends LinkedHashMap<String, Object> {

    /** An empty model. */
    public static Model of() {
        return new Model();
    }

    /** A model with one value. */
    public static Model of(String name, Object value) {
        return new Model().with(name, value);
    }

    /** This model with {@code name} set to {@code value}. */
    public Model with(String name, Object value) {
        put(name, value);
        return this;
    }
}
