package no.ipshub.registry.core;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import no.ipshub.registry.core.RegistryState.Version;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility;

/**
 * Whether a schema may follow a subject's versions under a compatibility level: which versions it is checked
 * against, and what breaks, in words operators can act on.
 */
final class CompatibilityRules {

    private CompatibilityRules() {
    }

    /** The versions a new version is checked against: the latest live one, or every live one when transitive. */
    static List<Version> priorsOfNewVersion(CompatibilityLevel level, TreeMap<Integer, Version> versions) {
        List<Version> priors = RegistryState.liveVersions(versions);
        if (!level.transitive() && !priors.isEmpty()) {
            priors = List.of(priors.get(priors.size() - 1));
        }
        return priors;
    }

    /** Why {@code candidate} breaks {@code priors} under {@code level}; empty when it does not. */
    static List<String> problems(RegistryState state, CompatibilityLevel level, Schema candidate, List<Version> priors) {
        List<String> problems = new ArrayList<>();
        if (level == CompatibilityLevel.NONE) {
            return problems;
        }
        for (Version prior : priors) {
            Schema old = state.schemaOf(prior);
            if (level.backward()) {
                describe(SchemaCompatibility.checkReaderWriterCompatibility(candidate, old),
                        "the new schema cannot read data written with version " + prior.version(), problems);
            }
            if (level.forward()) {
                describe(SchemaCompatibility.checkReaderWriterCompatibility(old, candidate),
                        "version " + prior.version() + " cannot read data written with the new schema", problems);
            }
        }
        if (!problems.isEmpty()) {
            problems.add("compatibility level: " + level);
        }
        return problems;
    }

    private static void describe(SchemaCompatibility.SchemaPairCompatibility pair, String what, List<String> into) {
        if (pair.getType() == SchemaCompatibilityType.COMPATIBLE) {
            return;
        }
        for (Incompatibility incompatibility : pair.getResult().getIncompatibilities()) {
            into.add(what + ": " + incompatibility.getType() + " at " + incompatibility.getLocation()
                    + " (" + incompatibility.getMessage() + ")");
        }
    }
}
