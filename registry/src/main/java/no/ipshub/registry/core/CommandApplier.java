package no.ipshub.registry.core;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import no.ipshub.registry.core.RegistryCore.Outcome;
import no.ipshub.registry.core.RegistryState.StoredSchema;
import no.ipshub.registry.core.RegistryState.Version;
import org.apache.avro.Schema;

/**
 * Changes the registry's state by one {@link RegistryCommand}, deterministically: the result depends on the state
 * and the command only. A command that conflicts with the state (a version or id claimed first by another command)
 * is not applied and changes nothing. The caller holds {@link RegistryCore}'s write lock.
 */
final class CommandApplier {

    private final RegistryState state;

    CommandApplier(RegistryState state) {
        this.state = state;
    }

    Outcome apply(RegistryCommand command) {
        if (command instanceof RegistryCommand.Register r) {
            return applyRegister(r);
        }
        if (command instanceof RegistryCommand.DeleteVersion d) {
            return applyDeleteVersion(d);
        }
        if (command instanceof RegistryCommand.DeleteSubject d) {
            return applyDeleteSubject(d);
        }
        return applySetCompatibility((RegistryCommand.SetCompatibility) command);
    }

    private Outcome applyRegister(RegistryCommand.Register r) {
        StoredSchema holder = state.schemasById.get(r.id());
        if (holder != null && !holder.canonical().equals(r.schema())) {
            return Outcome.rejected("id " + r.id() + " already belongs to another schema");
        }
        Integer idOfSchema = state.idsByCanonical.get(r.schema());
        if (idOfSchema != null && idOfSchema != r.id()) {
            return Outcome.rejected("the schema already has id " + idOfSchema);
        }
        if (r.version() < 1 || r.id() < 1) {
            return Outcome.rejected("version and id must be positive");
        }
        TreeMap<Integer, Version> versions = state.subjects.get(r.subject());
        if (versions != null && !versions.isEmpty() && versions.lastKey() >= r.version()) {
            return Outcome.rejected("subject '" + r.subject() + "' already has version " + versions.lastKey());
        }
        if (versions != null && versions.values().stream().anyMatch(v -> !v.deleted() && v.id() == r.id())) {
            return Outcome.rejected("the schema is already live under subject '" + r.subject() + "'");
        }
        if (holder == null) {
            Schema parsed;
            try {
                parsed = SchemaText.parse(r.schema());
            } catch (RuntimeException e) {
                return Outcome.rejected("the schema does not parse: " + e.getMessage());
            }
            state.schemasById.put(r.id(), new StoredSchema(r.id(), r.schema(), parsed));
            state.idsByCanonical.put(r.schema(), r.id());
            state.maxId = Math.max(state.maxId, r.id());
        }
        TreeMap<Integer, Version> target = state.subjects.computeIfAbsent(r.subject(), s -> new TreeMap<>());
        // A soft-deleted version holding the same schema is superseded by the new one, as in Confluent's registry.
        target.values().removeIf(v -> v.deleted() && v.id() == r.id());
        target.put(r.version(), new Version(r.version(), r.id(), false));
        return Outcome.done(List.of(r.version()));
    }

    private Outcome applyDeleteVersion(RegistryCommand.DeleteVersion d) {
        TreeMap<Integer, Version> versions = state.subjects.get(d.subject());
        Version v = versions == null ? null : versions.get(d.version());
        if (v == null) {
            return Outcome.rejected("subject '" + d.subject() + "' has no version " + d.version());
        }
        if (!d.permanent()) {
            if (v.deleted()) {
                return Outcome.rejected("version " + d.version() + " is already soft-deleted");
            }
            versions.put(v.version(), new Version(v.version(), v.id(), true));
        } else {
            if (!v.deleted()) {
                return Outcome.rejected("version " + d.version() + " is not soft-deleted");
            }
            versions.remove(v.version());
            forgetIfEmpty(d.subject(), versions);
        }
        return Outcome.done(List.of(v.version()));
    }

    private Outcome applyDeleteSubject(RegistryCommand.DeleteSubject d) {
        TreeMap<Integer, Version> versions = state.subjects.get(d.subject());
        if (versions == null) {
            return Outcome.rejected("subject '" + d.subject() + "' has no versions");
        }
        List<Version> affected = new ArrayList<>(versions.headMap(d.upToVersion(), true).values());
        List<Integer> touched = new ArrayList<>();
        if (!d.permanent()) {
            for (Version v : affected) {
                if (!v.deleted()) {
                    versions.put(v.version(), new Version(v.version(), v.id(), true));
                    touched.add(v.version());
                }
            }
            if (touched.isEmpty()) {
                return Outcome.rejected("subject '" + d.subject() + "' has no live versions");
            }
        } else {
            if (affected.isEmpty() || affected.stream().anyMatch(v -> !v.deleted())) {
                return Outcome.rejected("subject '" + d.subject() + "' is not soft-deleted");
            }
            for (Version v : affected) {
                versions.remove(v.version());
                touched.add(v.version());
            }
            forgetIfEmpty(d.subject(), versions);
        }
        return Outcome.done(touched);
    }

    private Outcome applySetCompatibility(RegistryCommand.SetCompatibility s) {
        if (s.subject() == null) {
            state.globalLevel = s.level();
        } else if (s.level() == null) {
            state.subjectLevels.remove(s.subject());
        } else {
            state.subjectLevels.put(s.subject(), s.level());
        }
        return Outcome.done(List.of());
    }

    /** A subject whose last version is removed for good loses its own level too, as in Confluent's registry. */
    private void forgetIfEmpty(String subject, TreeMap<Integer, Version> versions) {
        if (versions.isEmpty()) {
            state.subjects.remove(subject);
            state.subjectLevels.remove(subject);
        }
    }
}
