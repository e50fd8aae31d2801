package no.ipshub.schemas.released;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;
import org.apache.avro.SchemaCompatibility;

/**
 * The BACKWARD_TRANSITIVE rule the hub sets on its subjects: a candidate schema, as reader, must read data
 * written with every released version. Uses Avro's own reader/writer compatibility check.
 */
final class BackwardTransitiveCheck {

    private BackwardTransitiveCheck() {
    }

    /** One line per released version the candidate cannot read; empty when it reads them all. */
    static List<String> incompatibilities(Schema candidate, List<ReleasedSchema> released) {
        List<String> problems = new ArrayList<>();
        for (ReleasedSchema version : released) {
            SchemaPairCompatibility result =
                    SchemaCompatibility.checkReaderWriterCompatibility(candidate, version.schema());
            if (result.getType() != SchemaCompatibilityType.COMPATIBLE) {
                problems.add(version.resource() + ": " + result.getResult().getIncompatibilities());
            }
        }
        return problems;
    }
}
