package no.ipshub.registry.core;

import no.ipshub.registry.client.RegistryErrors;
import org.apache.avro.Schema;

/**
 * Avro schemas as the registry takes them in and compares them: parsed from the request's text, and identified by
 * their canonical form, the JSON Avro writes for the parsed schema (layout and attribute order do not matter; docs,
 * defaults and logical types do).
 */
public final class SchemaText {

    private SchemaText() {
    }

    /** Parses an Avro schema; error 42201 with the parser's reason when it is not one. */
    public static Schema parse(String text) {
        if (text == null || text.isBlank()) {
            throw RegistryErrors.invalidSchema("the schema is empty");
        }
        try {
            return new Schema.Parser().parse(text);
        } catch (RuntimeException e) {
            String reason = String.valueOf(e.getMessage());
            if (reason.contains("UnresolvedSchema")) {
                // Avro reads an unknown type name (often a misspelt "record") as a reference it cannot resolve
                reason = "it uses a type name that is neither a primitive type nor a named type defined in it";
            }
            throw RegistryErrors.invalidSchema(reason);
        }
    }

    /** The form by which schemas are compared and stored. */
    public static String canonical(Schema schema) {
        return schema.toString();
    }
}
