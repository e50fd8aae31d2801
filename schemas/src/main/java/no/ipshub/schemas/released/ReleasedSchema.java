package no.ipshub.schemas.released;

import java.util.Objects;
import org.apache.avro.Schema;

/**
 * One released version of a contract.
 *
 * @param contract which contract
 * @param version  the released version, 1 for the first
 * @param resource the class-path resource the schema was read from, e.g. {@code released/hub-message/v1.avsc}
 * @param schema   the schema, all named types inlined
 */
public record ReleasedSchema(SchemaContract contract, int version, String resource, Schema schema) {

    public ReleasedSchema {
        Objects.requireNonNull(contract, "contract");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(schema, "schema");
    }
}
