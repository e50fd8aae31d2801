package no.ipshub.registry.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import no.ipshub.registry.client.RegistryErrors;
import no.ipshub.registry.client.SchemaRegistryClient;
import no.ipshub.registry.client.SchemaRegistryException;
import no.ipshub.registry.core.RegistryCore.Outcome;
import no.ipshub.registry.core.RegistryCore.RegisterPlan;
import no.ipshub.registry.core.RegistryCore.SubjectVersionRef;
import no.ipshub.registry.core.RegistryCore.VersionFilter;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A registry that answers in-process from a {@link RegistryCore}: the whole Confluent API (what the REST
 * controller serves) plus the {@link SchemaRegistryClient} calls. Subclasses decide how a change reaches
 * the core: applied directly (in memory) or through a shared log (embedded).
 *
 * <p>A write plans against the current state, submits the command and, when another writer's command got
 * there first and this one was not applied, plans again against the newer state.
 */
public abstract class CoreBackedSchemaRegistry implements SchemaRegistryClient {

    private static final Logger log = LoggerFactory.getLogger(CoreBackedSchemaRegistry.class);
    private static final int MAX_WRITE_ATTEMPTS = 25;

    protected final RegistryCore core;

    protected CoreBackedSchemaRegistry(RegistryCore core) {
        this.core = core;
    }

    /** Makes the command take effect (or not) and returns what applying it did. */
    protected abstract Outcome submit(RegistryCommand command);

    /** Brings the core up to date with every change made anywhere before a write is planned. */
    protected void catchUp() {
    }

    /**
     * Called when a read found nothing; returns true when the core may have been behind and has caught
     * up since, so the read is worth repeating.
     */
    protected boolean catchUpAfterMiss() {
        return false;
    }

    // ---------------------------------------------------------------- writes

    /** Registers {@code schema} under {@code subject} (or finds it there): the version holding it. */
    public SubjectVersion registerVersion(String subject, Schema schema) {
        for (int attempt = 1; ; attempt++) {
            catchUp();
            RegisterPlan plan = core.planRegister(subject, schema);
            if (plan.existing() != null) {
                return plan.existing();
            }
            RegistryCommand.Register command = plan.command();
            Outcome outcome = submit(command);
            if (outcome.applied()) {
                log.info("Registered schema id {} as version {} of subject {}", command.id(), command.version(), subject);
                return new SubjectVersion(subject, command.version(), command.id(), core.schemaById(command.id()));
            }
            giveUpAfter(attempt, outcome);
        }
    }

    @Override
    public int register(String subject, Schema schema) {
        return registerVersion(subject, schema).id();
    }

    @Override
    public List<Integer> deleteSubject(String subject, boolean permanent) {
        List<Integer> deleted = write(() -> core.planDeleteSubject(subject, permanent)).versions();
        log.info("Deleted versions {} of subject {} (permanent: {})", deleted, subject, permanent);
        return deleted;
    }

    @Override
    public int deleteVersion(String subject, int version, boolean permanent) {
        int deleted = write(() -> core.planDeleteVersion(subject, version, permanent)).versions().get(0);
        log.info("Deleted version {} of subject {} (permanent: {})", deleted, subject, permanent);
        return deleted;
    }

    @Override
    public void setCompatibility(String subject, String level) {
        setLevel(subject, CompatibilityLevel.parse(level));
    }

    /** Sets {@code subject}'s own level, or the global one when {@code subject} is null. */
    public void setLevel(String subject, CompatibilityLevel level) {
        write(() -> core.planSetCompatibility(subject, level));
        log.info("Compatibility level of {} set to {}", subject == null ? "the registry" : "subject " + subject, level);
    }

    /**
     * Removes {@code subject}'s own level (error 40401 when it has none), or resets the global one to the
     * default when {@code subject} is null; returns the level removed.
     */
    public CompatibilityLevel clearLevel(String subject) {
        catchUp();
        CompatibilityLevel previous = subject == null
                ? core.globalLevel()
                : core.subjectLevel(subject).orElseThrow(() -> RegistryErrors.subjectNotFound(subject));
        write(() -> core.planSetCompatibility(subject, null));
        return previous;
    }

    private Outcome write(Supplier<? extends RegistryCommand> plan) {
        for (int attempt = 1; ; attempt++) {
            catchUp();
            Outcome outcome = submit(plan.get());
            if (outcome.applied()) {
                return outcome;
            }
            giveUpAfter(attempt, outcome);
        }
    }

    private static void giveUpAfter(int attempt, Outcome outcome) {
        log.debug("Registry write not applied ({}), attempt {}", outcome.reason(), attempt);
        if (attempt >= MAX_WRITE_ATTEMPTS) {
            throw RegistryErrors.storeError("Gave up after " + attempt + " conflicting writes: " + outcome.reason(), null);
        }
    }

    // ---------------------------------------------------------------- reads

    @Override
    public int getId(String subject, Schema schema) {
        return lookup(subject, schema, false).id();
    }

    @Override
    public SubjectVersion lookup(String subject, Schema schema, boolean includeDeleted) {
        return read(() -> core.lookup(subject, schema, includeDeleted));
    }

    @Override
    public Schema getById(int id) {
        return read(() -> core.schemaById(id));
    }

    @Override
    public SubjectVersion getLatest(String subject) {
        return getVersion(subject, -1, false);
    }

    @Override
    public SubjectVersion getVersion(String subject, int version) {
        return getVersion(subject, version, false);
    }

    /** One version ({@code -1}: the latest), soft-deleted ones too when {@code includeDeleted}. */
    public SubjectVersion getVersion(String subject, int version, boolean includeDeleted) {
        return read(() -> core.version(subject, version, includeDeleted));
    }

    @Override
    public List<Integer> getVersions(String subject) {
        return versions(subject, VersionFilter.LIVE);
    }

    /** The versions of {@code subject} the filter selects, oldest first; 40401 when there are none. */
    public List<Integer> versions(String subject, VersionFilter filter) {
        return read(() -> core.versions(subject, filter));
    }

    @Override
    public List<String> getSubjects() {
        return subjects(VersionFilter.LIVE);
    }

    /** From memory, after catching up with every change made anywhere. */
    @Override
    public Map<String, SubjectVersion> latestVersions(String subjectPrefix) {
        catchUp();
        Map<String, SubjectVersion> latest = new LinkedHashMap<>();
        for (String subject : core.subjects(VersionFilter.LIVE)) {
            if (subject.startsWith(subjectPrefix)) {
                latest.put(subject, core.version(subject, -1, false));
            }
        }
        return latest;
    }

    /** The subjects the filter selects, sorted. */
    public List<String> subjects(VersionFilter filter) {
        return core.subjects(filter);
    }

    /** The subject-versions holding global {@code id}; 40403 for an unknown id. */
    public List<SubjectVersionRef> versionsOfId(int id, boolean includeDeleted) {
        return read(() -> core.versionsOfId(id, includeDeleted));
    }

    /** The subjects holding global {@code id}; 40403 for an unknown id. */
    public List<String> subjectsOfId(int id, boolean includeDeleted) {
        return read(() -> core.subjectsOfId(id, includeDeleted));
    }

    @Override
    public boolean isCompatible(String subject, Schema schema) {
        return compatibilityProblems(subject, schema, 0).isEmpty();
    }

    /** See {@link RegistryCore#compatibilityProblems}: 0 checks as registration would, -1 the latest, n version n. */
    public List<String> compatibilityProblems(String subject, Schema schema, int version) {
        return read(() -> core.compatibilityProblems(subject, schema, version));
    }

    @Override
    public String getCompatibility(String subject) {
        return (subject == null ? core.globalLevel() : core.effectiveLevel(subject)).name();
    }

    /** The registry-wide level. */
    public CompatibilityLevel globalLevel() {
        return core.globalLevel();
    }

    /** The level set on {@code subject} itself, if any. */
    public Optional<CompatibilityLevel> subjectLevel(String subject) {
        return core.subjectLevel(subject);
    }

    private <T> T read(Supplier<T> query) {
        try {
            return query.get();
        } catch (SchemaRegistryException e) {
            if (e.errorCode() / 100 == 404 && catchUpAfterMiss()) {
                return query.get();
            }
            throw e;
        }
    }
}
