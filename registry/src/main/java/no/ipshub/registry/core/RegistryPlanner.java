package no.ipshub.registry.core;

import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import no.ipshub.registry.client.RegistryErrors;
import no.ipshub.registry.core.RegistryCore.RegisterPlan;
import no.ipshub.registry.core.RegistryState.Version;
import org.apache.avro.Schema;

/**
 * Checks a change request against the registry's state and returns the {@link RegistryCommand} that fulfils it, or
 * throws the API's error. Plans change nothing; the caller holds {@link RegistryCore}'s read lock.
 */
final class RegistryPlanner {

    private final RegistryState state;

    RegistryPlanner(RegistryState state) {
        this.state = state;
    }

    /** See {@link RegistryCore#planRegister}. */
    RegisterPlan register(String subject, Schema schema) {
        String canonical = SchemaText.canonical(schema);
        TreeMap<Integer, Version> versions = state.subjects.get(subject);
        Integer existingId = state.idsByCanonical.get(canonical);
        if (existingId != null && versions != null) {
            for (Version v : versions.descendingMap().values()) {
                if (!v.deleted() && v.id() == existingId) {
                    return new RegisterPlan(state.toSubjectVersion(subject, v), null);
                }
            }
        }
        CompatibilityLevel level = state.effectiveLevel(subject);
        List<String> problems = CompatibilityRules.problems(state, level, schema,
                CompatibilityRules.priorsOfNewVersion(level, versions));
        if (!problems.isEmpty()) {
            throw RegistryErrors.incompatible(subject, problems);
        }
        int version = versions == null || versions.isEmpty() ? 1 : versions.lastKey() + 1;
        int id = existingId != null ? existingId : state.maxId + 1;
        return new RegisterPlan(null, new RegistryCommand.Register(newProposalId(), subject, version, id, canonical));
    }

    /** See {@link RegistryCore#planDeleteVersion}. */
    RegistryCommand.DeleteVersion deleteVersion(String subject, int version, boolean permanent) {
        TreeMap<Integer, Version> versions = state.subjects.get(subject);
        if (versions == null || versions.isEmpty()) {
            throw RegistryErrors.subjectNotFound(subject);
        }
        Version v = version == -1 ? versions.lastEntry().getValue() : versions.get(version);
        if (v == null) {
            throw RegistryErrors.versionNotFound(version);
        }
        if (!permanent && v.deleted()) {
            throw RegistryErrors.versionSoftDeleted(subject, v.version());
        }
        if (permanent && !v.deleted()) {
            throw RegistryErrors.versionNotSoftDeleted(subject, v.version());
        }
        return new RegistryCommand.DeleteVersion(newProposalId(), subject, v.version(), permanent);
    }

    /** See {@link RegistryCore#planDeleteSubject}. */
    RegistryCommand.DeleteSubject deleteSubject(String subject, boolean permanent) {
        TreeMap<Integer, Version> versions = state.subjects.get(subject);
        if (versions == null || versions.isEmpty()) {
            throw RegistryErrors.subjectNotFound(subject);
        }
        boolean live = RegistryState.hasAny(versions, false);
        if (!permanent && !live) {
            throw RegistryErrors.subjectSoftDeleted(subject);
        }
        if (permanent && live) {
            throw RegistryErrors.subjectNotSoftDeleted(subject);
        }
        return new RegistryCommand.DeleteSubject(newProposalId(), subject, versions.lastKey(), permanent);
    }

    /** See {@link RegistryCore#planSetCompatibility}. */
    static RegistryCommand.SetCompatibility setCompatibility(String subject, CompatibilityLevel level) {
        return new RegistryCommand.SetCompatibility(newProposalId(), subject, level);
    }

    private static String newProposalId() {
        return UUID.randomUUID().toString();
    }
}
