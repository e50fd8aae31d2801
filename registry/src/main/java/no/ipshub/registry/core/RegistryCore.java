package no.ipshub.registry.core;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import no.ipshub.registry.client.RegistryErrors;
import no.ipshub.registry.client.SchemaRegistryClient.SubjectVersion;
import no.ipshub.registry.core.RegistryState.StoredSchema;
import no.ipshub.registry.core.RegistryState.Version;
import org.apache.avro.Schema;

/**
 * The registry itself: subjects, their versions, global schema ids and compatibility levels, with the
 * rules of the Confluent Schema Registry. The in-memory registry behind {@code mock://} URLs and the
 * Kafka-backed embedded registry both keep their state here, so the rules exist once.
 *
 * <p>Every change is a {@link RegistryCommand}: {@code plan...} methods check a request against the
 * current state and return the command that fulfils it (or throw the API's error; {@link RegistryPlanner}), and
 * {@link #apply(RegistryCommand)} changes the state ({@link CommandApplier}). {@code apply} is deterministic and depends on the
 * state only, never on configuration or time, so any number of instances that apply the same commands
 * in the same order hold the same state. A command that conflicts with the state at the moment it is
 * applied (a version or id claimed first by another command) is not applied and changes nothing.
 *
 * <p>Schemas are identified by their parsed canonical form ({@link SchemaText}): the JSON Avro writes for the
 * parsed schema, so layout and attribute order do not matter, while docs, defaults and logical types (which change
 * what the schema means to readers) do. The same schema gets the same global id in every subject, and
 * ids are never reused: an id stays readable after all versions holding it are deleted.
 *
 * <p>Thread-safe: readers share a lock, {@code apply} takes it exclusively.
 */
public final class RegistryCore {

    /** Which versions a query sees. */
    public enum VersionFilter { LIVE, INCLUDE_DELETED, DELETED_ONLY }

    /** One subject-version that holds a global id. */
    public record SubjectVersionRef(String subject, int version) {
    }

    /** A registration request's answer: the live version already holding the schema, or the command to apply. */
    public record RegisterPlan(SubjectVersion existing, RegistryCommand.Register command) {
    }

    /** What {@link #apply} did: whether the command took effect, why not, and the versions it touched. */
    public record Outcome(boolean applied, String reason, List<Integer> versions) {

        static Outcome done(List<Integer> versions) {
            return new Outcome(true, null, List.copyOf(versions));
        }

        static Outcome rejected(String reason) {
            return new Outcome(false, reason, List.of());
        }
    }

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final RegistryState state = new RegistryState();
    private final RegistryPlanner planner = new RegistryPlanner(state);
    private final CommandApplier applier = new CommandApplier(state);

    // ---------------------------------------------------------------- queries

    /** The schema with this global id; 40403 when there is none. */
    public Schema schemaById(int id) {
        return read(() -> {
            StoredSchema stored = state.schemasById.get(id);
            if (stored == null) {
                throw RegistryErrors.schemaNotFound(id);
            }
            return stored.schema();
        });
    }

    /**
     * One version of a subject, {@code -1} for the latest; soft-deleted versions only when
     * {@code includeDeleted}. Errors 40401, 40402, 42202.
     */
    public SubjectVersion version(String subject, int version, boolean includeDeleted) {
        RegistryState.requireValidVersion(version);
        return read(() -> {
            TreeMap<Integer, Version> versions = state.subjects.get(subject);
            if (versions == null || !RegistryState.hasAny(versions, includeDeleted)) {
                throw RegistryErrors.subjectNotFound(subject);
            }
            Version found = version == -1 ? RegistryState.latest(versions, includeDeleted) : versions.get(version);
            if (found == null || (found.deleted() && !includeDeleted)) {
                throw RegistryErrors.versionNotFound(version);
            }
            return state.toSubjectVersion(subject, found);
        });
    }

    /** The version numbers of a subject, oldest first; 40401 when the subject has none the filter sees. */
    public List<Integer> versions(String subject, VersionFilter filter) {
        return read(() -> {
            TreeMap<Integer, Version> versions = state.subjects.get(subject);
            boolean known = versions != null && RegistryState.hasAny(versions, filter != VersionFilter.LIVE);
            if (!known) {
                throw RegistryErrors.subjectNotFound(subject);
            }
            List<Integer> result = new ArrayList<>();
            for (Version v : versions.values()) {
                if (filter == VersionFilter.INCLUDE_DELETED || v.deleted() == (filter == VersionFilter.DELETED_ONLY)) {
                    result.add(v.version());
                }
            }
            return result;
        });
    }

    /**
     * The subjects, sorted: those with a live version ({@code LIVE}), with any version
     * ({@code INCLUDE_DELETED}) or with soft-deleted versions only ({@code DELETED_ONLY}).
     */
    public List<String> subjects(VersionFilter filter) {
        return read(() -> {
            List<String> result = new ArrayList<>();
            state.subjects.forEach((subject, versions) -> {
                boolean live = RegistryState.hasAny(versions, false);
                boolean any = !versions.isEmpty();
                boolean matches = switch (filter) {
                    case LIVE -> live;
                    case INCLUDE_DELETED -> any;
                    case DELETED_ONLY -> any && !live;
                };
                if (matches) {
                    result.add(subject);
                }
            });
            return result;
        });
    }

    /**
     * The newest version of {@code subject} holding {@code schema}; errors 40401 when the subject has
     * no versions, 40403 when none holds the schema.
     */
    public SubjectVersion lookup(String subject, Schema schema, boolean includeDeleted) {
        String canonical = SchemaText.canonical(schema);
        return read(() -> {
            TreeMap<Integer, Version> versions = state.subjects.get(subject);
            if (versions == null || !RegistryState.hasAny(versions, includeDeleted)) {
                throw RegistryErrors.subjectNotFound(subject);
            }
            Integer id = state.idsByCanonical.get(canonical);
            if (id != null) {
                for (Version v : versions.descendingMap().values()) {
                    if (v.id() == id && (includeDeleted || !v.deleted())) {
                        return state.toSubjectVersion(subject, v);
                    }
                }
            }
            throw RegistryErrors.schemaNotFound();
        });
    }

    /** The subject-versions holding global {@code id}; 40403 when the id is unknown. */
    public List<SubjectVersionRef> versionsOfId(int id, boolean includeDeleted) {
        return read(() -> {
            if (!state.schemasById.containsKey(id)) {
                throw RegistryErrors.schemaNotFound(id);
            }
            List<SubjectVersionRef> result = new ArrayList<>();
            state.subjects.forEach((subject, versions) -> versions.values().stream()
                    .filter(v -> v.id() == id && (includeDeleted || !v.deleted()))
                    .forEach(v -> result.add(new SubjectVersionRef(subject, v.version()))));
            return result;
        });
    }

    /** The subjects with a version holding global {@code id}; 40403 when the id is unknown. */
    public List<String> subjectsOfId(int id, boolean includeDeleted) {
        LinkedHashSet<String> result = new LinkedHashSet<>();
        versionsOfId(id, includeDeleted).forEach(ref -> result.add(ref.subject()));
        return List.copyOf(result);
    }

    /** The registry-wide level: the one set, or {@link CompatibilityLevel#DEFAULT}. */
    public CompatibilityLevel globalLevel() {
        return read(() -> state.globalLevel != null ? state.globalLevel : CompatibilityLevel.DEFAULT);
    }

    /** The level set on {@code subject} itself, if any. */
    public Optional<CompatibilityLevel> subjectLevel(String subject) {
        return read(() -> Optional.ofNullable(state.subjectLevels.get(subject)));
    }

    /** The level that governs {@code subject}: its own, else the global one. */
    public CompatibilityLevel effectiveLevel(String subject) {
        return read(() -> state.effectiveLevel(subject));
    }

    /**
     * Why {@code candidate} would break {@code subject} under its compatibility level; empty when it
     * would not. {@code version} 0 checks the way registration does (latest live version, or every live
     * version for a transitive level); -1 checks against the latest live version only and finds nothing
     * when there is none; a version number checks against that version (errors 40401, 40402).
     */
    public List<String> compatibilityProblems(String subject, Schema candidate, int version) {
        if (version != 0) {
            RegistryState.requireValidVersion(version);
        }
        return read(() -> {
            CompatibilityLevel level = state.effectiveLevel(subject);
            TreeMap<Integer, Version> versions = state.subjects.get(subject);
            List<Version> priors;
            if (version == 0) {
                priors = CompatibilityRules.priorsOfNewVersion(level, versions);
            } else if (version == -1) {
                Version latest = versions == null ? null : RegistryState.latest(versions, false);
                priors = latest == null ? List.of() : List.of(latest);
            } else {
                if (versions == null || !RegistryState.hasAny(versions, false)) {
                    throw RegistryErrors.subjectNotFound(subject);
                }
                Version v = versions.get(version);
                if (v == null || v.deleted()) {
                    throw RegistryErrors.versionNotFound(version);
                }
                priors = List.of(v);
            }
            return CompatibilityRules.problems(state, level, candidate, priors);
        });
    }

    /**
     * The whole state as text, ids, subjects, versions and levels in a fixed order: equal for equal states,
     * for consistency checks and diagnostics.
     */
    public String snapshot() {
        return read(() -> {
            StringBuilder text = new StringBuilder("global=").append(state.globalLevel).append('\n');
            new TreeMap<>(state.schemasById).forEach((id, s) -> text.append("id ").append(id).append(' ')
                    .append(s.canonical()).append('\n'));
            state.subjects.forEach((subject, versions) -> versions.values().forEach(v -> text.append("subject ")
                    .append(subject).append(" v").append(v.version()).append(" id ").append(v.id())
                    .append(v.deleted() ? " deleted" : "").append('\n')));
            new TreeMap<>(state.subjectLevels).forEach((subject, level) -> text.append("level ").append(subject)
                    .append('=').append(level).append('\n'));
            return text.toString();
        });
    }

    // ---------------------------------------------------------------- planning

    /**
     * Checks a registration: the live version that already holds the schema, or the command that
     * registers it as the subject's next version (reusing the schema's global id if it has one).
     * Error 409 when the schema breaks the subject's compatibility level.
     */
    public RegisterPlan planRegister(String subject, Schema schema) {
        return read(() -> planner.register(subject, schema));
    }

    /** Checks a version delete ({@code -1}: the latest); errors 40401, 40402, 40406, 40407, 42202. */
    public RegistryCommand.DeleteVersion planDeleteVersion(String subject, int version, boolean permanent) {
        RegistryState.requireValidVersion(version);
        return read(() -> planner.deleteVersion(subject, version, permanent));
    }

    /** Checks a subject delete; errors 40401, 40404 (already soft-deleted), 40405 (not soft-deleted first). */
    public RegistryCommand.DeleteSubject planDeleteSubject(String subject, boolean permanent) {
        return read(() -> planner.deleteSubject(subject, permanent));
    }

    /** A command setting (or, with a null level, clearing) a subject's or the global level. */
    public RegistryCommand.SetCompatibility planSetCompatibility(String subject, CompatibilityLevel level) {
        return RegistryPlanner.setCompatibility(subject, level);
    }

    // ---------------------------------------------------------------- applying

    /** Applies one command; see the class comment for when a command is not applied. */
    public Outcome apply(RegistryCommand command) {
        lock.writeLock().lock();
        try {
            return applier.apply(command);
        } finally {
            lock.writeLock().unlock();
        }
    }

    // ---------------------------------------------------------------- helpers

    private <T> T read(Supplier<T> query) {
        lock.readLock().lock();
        try {
            return query.get();
        } finally {
            lock.readLock().unlock();
        }
    }
}
