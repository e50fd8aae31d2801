package no.ipshub.registry.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import no.ipshub.registry.client.SchemaRegistryClient.SubjectVersion;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility;

/**
 * The registry itself: subjects, their versions, global schema ids and compatibility levels, with the
 * rules of the Confluent Schema Registry. The in-memory registry behind {@code mock://} URLs and the
 * Kafka-backed embedded registry both keep their state here, so the rules exist once.
 *
 * <p>Every change is a {@link RegistryCommand}: {@code plan...} methods check a request against the
 * current state and return the command that fulfils it (or throw the API's error), and
 * {@link #apply(RegistryCommand)} changes the state. {@code apply} is deterministic and depends on the
 * state only, never on configuration or time, so any number of instances that apply the same commands
 * in the same order hold the same state. A command that conflicts with the state at the moment it is
 * applied (a version or id claimed first by another command) is not applied and changes nothing.
 *
 * <p>Schemas are identified by their parsed canonical form: the JSON Avro writes for the parsed schema,
 * so layout and attribute order do not matter, while docs, defaults and logical types (which change
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

    private record StoredSchema(int id, String canonical, Schema schema) {
    }

    private record Version(int version, int id, boolean deleted) {
    }

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<Integer, StoredSchema> schemasById = new HashMap<>();
    private final Map<String, Integer> idsByCanonical = new HashMap<>();
    private final TreeMap<String, TreeMap<Integer, Version>> subjects = new TreeMap<>();
    private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
    private CompatibilityLevel globalLevel;
    private int maxId;

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

    // ---------------------------------------------------------------- queries

    /** The schema with this global id; 40403 when there is none. */
    public Schema schemaById(int id) {
        return read(() -> {
            StoredSchema stored = schemasById.get(id);
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
        requireValidVersion(version);
        return read(() -> {
            TreeMap<Integer, Version> versions = subjects.get(subject);
            if (versions == null || !hasAny(versions, includeDeleted)) {
                throw RegistryErrors.subjectNotFound(subject);
            }
            Version found = version == -1 ? latest(versions, includeDeleted) : versions.get(version);
            if (found == null || (found.deleted() && !includeDeleted)) {
                throw RegistryErrors.versionNotFound(version);
            }
            return toSubjectVersion(subject, found);
        });
    }

    /** The version numbers of a subject, oldest first; 40401 when the subject has none the filter sees. */
    public List<Integer> versions(String subject, VersionFilter filter) {
        return read(() -> {
            TreeMap<Integer, Version> versions = subjects.get(subject);
            boolean known = versions != null && hasAny(versions, filter != VersionFilter.LIVE);
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
            subjects.forEach((subject, versions) -> {
                boolean live = hasAny(versions, false);
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
        String canonical = canonical(schema);
        return read(() -> {
            TreeMap<Integer, Version> versions = subjects.get(subject);
            if (versions == null || !hasAny(versions, includeDeleted)) {
                throw RegistryErrors.subjectNotFound(subject);
            }
            Integer id = idsByCanonical.get(canonical);
            if (id != null) {
                for (Version v : versions.descendingMap().values()) {
                    if (v.id() == id && (includeDeleted || !v.deleted())) {
                        return toSubjectVersion(subject, v);
                    }
                }
            }
            throw RegistryErrors.schemaNotFound();
        });
    }

    /** The subject-versions holding global {@code id}; 40403 when the id is unknown. */
    public List<SubjectVersionRef> versionsOfId(int id, boolean includeDeleted) {
        return read(() -> {
            if (!schemasById.containsKey(id)) {
                throw RegistryErrors.schemaNotFound(id);
            }
            List<SubjectVersionRef> result = new ArrayList<>();
            subjects.forEach((subject, versions) -> versions.values().stream()
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
        return read(() -> globalLevel != null ? globalLevel : CompatibilityLevel.DEFAULT);
    }

    /** The level set on {@code subject} itself, if any. */
    public Optional<CompatibilityLevel> subjectLevel(String subject) {
        return read(() -> Optional.ofNullable(subjectLevels.get(subject)));
    }

    /** The level that governs {@code subject}: its own, else the global one. */
    public CompatibilityLevel effectiveLevel(String subject) {
        return read(() -> effectiveLevelLocked(subject));
    }

    /**
     * Why {@code candidate} would break {@code subject} under its compatibility level; empty when it
     * would not. {@code version} 0 checks the way registration does (latest live version, or every live
     * version for a transitive level); -1 checks against the latest live version only and finds nothing
     * when there is none; a version number checks against that version (errors 40401, 40402).
     */
    public List<String> compatibilityProblems(String subject, Schema candidate, int version) {
        if (version != 0) {
            requireValidVersion(version);
        }
        return read(() -> {
            CompatibilityLevel level = effectiveLevelLocked(subject);
            TreeMap<Integer, Version> versions = subjects.get(subject);
            List<Version> priors;
            if (version == 0) {
                priors = liveVersions(versions);
                if (!level.transitive() && !priors.isEmpty()) {
                    priors = List.of(priors.get(priors.size() - 1));
                }
            } else if (version == -1) {
                Version latest = versions == null ? null : latest(versions, false);
                priors = latest == null ? List.of() : List.of(latest);
            } else {
                if (versions == null || !hasAny(versions, false)) {
                    throw RegistryErrors.subjectNotFound(subject);
                }
                Version v = versions.get(version);
                if (v == null || v.deleted()) {
                    throw RegistryErrors.versionNotFound(version);
                }
                priors = List.of(v);
            }
            return problems(level, candidate, priors);
        });
    }

    /**
     * The whole state as text, ids, subjects, versions and levels in a fixed order: equal for equal states,
     * for consistency checks and diagnostics.
     */
    public String snapshot() {
        return read(() -> {
            StringBuilder text = new StringBuilder("global=").append(globalLevel).append('\n');
            new TreeMap<>(schemasById).forEach((id, s) -> text.append("id ").append(id).append(' ')
                    .append(s.canonical()).append('\n'));
            subjects.forEach((subject, versions) -> versions.values().forEach(v -> text.append("subject ")
                    .append(subject).append(" v").append(v.version()).append(" id ").append(v.id())
                    .append(v.deleted() ? " deleted" : "").append('\n')));
            new TreeMap<>(subjectLevels).forEach((subject, level) -> text.append("level ").append(subject)
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
        String canonical = canonical(schema);
        return read(() -> {
            TreeMap<Integer, Version> versions = subjects.get(subject);
            Integer existingId = idsByCanonical.get(canonical);
            if (existingId != null && versions != null) {
                for (Version v : versions.descendingMap().values()) {
                    if (!v.deleted() && v.id() == existingId) {
                        return new RegisterPlan(toSubjectVersion(subject, v), null);
                    }
                }
            }
            CompatibilityLevel level = effectiveLevelLocked(subject);
            List<Version> priors = liveVersions(versions);
            if (!level.transitive() && !priors.isEmpty()) {
                priors = List.of(priors.get(priors.size() - 1));
            }
            List<String> problems = problems(level, schema, priors);
            if (!problems.isEmpty()) {
                throw RegistryErrors.incompatible(subject, problems);
            }
            int version = versions == null || versions.isEmpty() ? 1 : versions.lastKey() + 1;
            int id = existingId != null ? existingId : maxId + 1;
            return new RegisterPlan(null, new RegistryCommand.Register(newProposalId(), subject, version, id, canonical));
        });
    }

    /** Checks a version delete ({@code -1}: the latest); errors 40401, 40402, 40406, 40407, 42202. */
    public RegistryCommand.DeleteVersion planDeleteVersion(String subject, int version, boolean permanent) {
        requireValidVersion(version);
        return read(() -> {
            TreeMap<Integer, Version> versions = subjects.get(subject);
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
        });
    }

    /** Checks a subject delete; errors 40401, 40404 (already soft-deleted), 40405 (not soft-deleted first). */
    public RegistryCommand.DeleteSubject planDeleteSubject(String subject, boolean permanent) {
        return read(() -> {
            TreeMap<Integer, Version> versions = subjects.get(subject);
            if (versions == null || versions.isEmpty()) {
                throw RegistryErrors.subjectNotFound(subject);
            }
            boolean live = hasAny(versions, false);
            if (!permanent && !live) {
                throw RegistryErrors.subjectSoftDeleted(subject);
            }
            if (permanent && live) {
                throw RegistryErrors.subjectNotSoftDeleted(subject);
            }
            return new RegistryCommand.DeleteSubject(newProposalId(), subject, versions.lastKey(), permanent);
        });
    }

    /** A command setting (or, with a null level, clearing) a subject's or the global level. */
    public RegistryCommand.SetCompatibility planSetCompatibility(String subject, CompatibilityLevel level) {
        return new RegistryCommand.SetCompatibility(newProposalId(), subject, level);
    }

    // ---------------------------------------------------------------- applying

    /** Applies one command; see the class comment for when a command is not applied. */
    public Outcome apply(RegistryCommand command) {
        lock.writeLock().lock();
        try {
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
        } finally {
            lock.writeLock().unlock();
        }
    }

    private Outcome applyRegister(RegistryCommand.Register r) {
        StoredSchema holder = schemasById.get(r.id());
        if (holder != null && !holder.canonical().equals(r.schema())) {
            return Outcome.rejected("id " + r.id() + " already belongs to another schema");
        }
        Integer idOfSchema = idsByCanonical.get(r.schema());
        if (idOfSchema != null && idOfSchema != r.id()) {
            return Outcome.rejected("the schema already has id " + idOfSchema);
        }
        if (r.version() < 1 || r.id() < 1) {
            return Outcome.rejected("version and id must be positive");
        }
        TreeMap<Integer, Version> versions = subjects.get(r.subject());
        if (versions != null && !versions.isEmpty() && versions.lastKey() >= r.version()) {
            return Outcome.rejected("subject '" + r.subject() + "' already has version " + versions.lastKey());
        }
        if (versions != null && versions.values().stream().anyMatch(v -> !v.deleted() && v.id() == r.id())) {
            return Outcome.rejected("the schema is already live under subject '" + r.subject() + "'");
        }
        if (holder == null) {
            Schema parsed;
            try {
                parsed = parse(r.schema());
            } catch (RuntimeException e) {
                return Outcome.rejected("the schema does not parse: " + e.getMessage());
            }
            schemasById.put(r.id(), new StoredSchema(r.id(), r.schema(), parsed));
            idsByCanonical.put(r.schema(), r.id());
            maxId = Math.max(maxId, r.id());
        }
        TreeMap<Integer, Version> target = subjects.computeIfAbsent(r.subject(), s -> new TreeMap<>());
        // A soft-deleted version holding the same schema is superseded by the new one, as in Confluent's registry.
        target.values().removeIf(v -> v.deleted() && v.id() == r.id());
        target.put(r.version(), new Version(r.version(), r.id(), false));
        return Outcome.done(List.of(r.version()));
    }

    private Outcome applyDeleteVersion(RegistryCommand.DeleteVersion d) {
        TreeMap<Integer, Version> versions = subjects.get(d.subject());
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
        TreeMap<Integer, Version> versions = subjects.get(d.subject());
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
            globalLevel = s.level();
        } else if (s.level() == null) {
            subjectLevels.remove(s.subject());
        } else {
            subjectLevels.put(s.subject(), s.level());
        }
        return Outcome.done(List.of());
    }

    /** A subject whose last version is removed for good loses its own level too, as in Confluent's registry. */
    private void forgetIfEmpty(String subject, TreeMap<Integer, Version> versions) {
        if (versions.isEmpty()) {
            subjects.remove(subject);
            subjectLevels.remove(subject);
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

    private CompatibilityLevel effectiveLevelLocked(String subject) {
        CompatibilityLevel own = subject == null ? null : subjectLevels.get(subject);
        if (own != null) {
            return own;
        }
        return globalLevel != null ? globalLevel : CompatibilityLevel.DEFAULT;
    }

    private List<String> problems(CompatibilityLevel level, Schema candidate, List<Version> priors) {
        List<String> problems = new ArrayList<>();
        if (level == CompatibilityLevel.NONE) {
            return problems;
        }
        for (Version prior : priors) {
            Schema old = schemasById.get(prior.id()).schema();
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

    private static boolean hasAny(TreeMap<Integer, Version> versions, boolean includeDeleted) {
        return includeDeleted ? !versions.isEmpty() : versions.values().stream().anyMatch(v -> !v.deleted());
    }

    private static Version latest(TreeMap<Integer, Version> versions, boolean includeDeleted) {
        for (Version v : versions.descendingMap().values()) {
            if (includeDeleted || !v.deleted()) {
                return v;
            }
        }
        return null;
    }

    private static List<Version> liveVersions(TreeMap<Integer, Version> versions) {
        if (versions == null) {
            return List.of();
        }
        return versions.values().stream().filter(v -> !v.deleted()).toList();
    }

    private SubjectVersion toSubjectVersion(String subject, Version v) {
        return new SubjectVersion(subject, v.version(), v.id(), schemasById.get(v.id()).schema());
    }

    private static void requireValidVersion(int version) {
        if (version <= 0 && version != -1) {
            throw RegistryErrors.invalidVersion(String.valueOf(version));
        }
    }

    private static String newProposalId() {
        return UUID.randomUUID().toString();
    }
}
