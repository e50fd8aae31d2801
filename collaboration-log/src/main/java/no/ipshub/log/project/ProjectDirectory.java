package no.ipshub.log.project;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.ipshub.log.pseudonym.ProjectKey;
import no.ipshub.log.pseudonym.Pseudonymiser;
import no.ipshub.log.pseudonym.ResearchKeyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The research projects and table readers this instance serves, each project with its pseudonymiser. Reads the
 * store again whenever its version changed (one single-row query per look), so a project an operator added on any
 * instance is served, and logged into, by every instance from its next look on.
 */
public class ProjectDirectory {

    private static final Logger log = LoggerFactory.getLogger(ProjectDirectory.class);

    private final ProjectStore store;
    private final ProjectKey defaultKey;
    private final ProjectKeySeal seal;
    private volatile Snapshot snapshot = new Snapshot(-1, Map.of(), Map.of());

    /**
     * @param defaultKey the default project's key, from its key file
     * @param seal       opens the keys of projects added at run time; null when no seal key is configured
     */
    public ProjectDirectory(ProjectStore store, ProjectKey defaultKey, ProjectKeySeal seal) {
        this.store = store;
        this.defaultKey = defaultKey;
        this.seal = seal;
    }

    /**
     * A project this instance can pseudonymise for.
     *
     * @param project       the project
     * @param pseudonymiser makes its pseudonyms
     */
    public record Entry(ResearchProject project, Pseudonymiser pseudonymiser) {
    }

    private record Snapshot(long version, Map<String, Entry> projects, Map<String, TableReader> readers) {
    }

    /** Every project, by code. */
    public List<Entry> all() {
        return List.copyOf(current().projects().values());
    }

    /** The project with this code. */
    public Optional<Entry> find(String code) {
        return Optional.ofNullable(code == null ? null : current().projects().get(code));
    }

    /** The default project. */
    public Entry defaultProject() {
        return current().projects().values().stream().filter(e -> e.project().defaultProject()).findFirst()
                .orElseThrow(() -> new IllegalStateException("the default research project is not in the database"));
    }

    /** The table reader with this account name. */
    public Optional<TableReader> tableReader(String name) {
        return Optional.ofNullable(current().readers().get(name));
    }

    /** Every table reader, by name. */
    public List<TableReader> tableReaders() {
        return List.copyOf(current().readers().values());
    }

    /** True when keys of projects added at run time can be sealed and opened. */
    public boolean canAddProjects() {
        return seal != null;
    }

    /** Seals a new project's key for the store. */
    public byte[] seal(String code, byte[] key) {
        if (seal == null) {
            throw new ResearchKeyException("no project seal key is configured (hub.research.project-seal-key-file)");
        }
        return seal.seal(code, key);
    }

    private Snapshot current() {
        long version = store.version();
        Snapshot s = snapshot;
        if (s.version() == version) {
            return s;
        }
        synchronized (this) {
            if (snapshot.version() != version) {
                snapshot = load(version, snapshot);
            }
            return snapshot;
        }
    }

    private Snapshot load(long version, Snapshot before) {
        Map<String, Entry> projects = new LinkedHashMap<>();
        for (ProjectStore.Stored stored : store.projects()) {
            ResearchProject p = stored.project();
            Entry earlier = before.projects().get(p.code());
            Pseudonymiser pseudonymiser = earlier != null ? earlier.pseudonymiser() : pseudonymiser(stored);
            if (pseudonymiser != null) {
                projects.put(p.code(), new Entry(p, pseudonymiser));
            }
        }
        Map<String, TableReader> readers = new HashMap<>();
        store.tableReaders().forEach(r -> readers.put(r.name(), r));
        log.info("Research projects: {}; table readers: {}", projects.keySet(), readers.size());
        return new Snapshot(version, Map.copyOf(projects), Map.copyOf(readers));
    }

    private Pseudonymiser pseudonymiser(ProjectStore.Stored stored) {
        ResearchProject p = stored.project();
        if (p.defaultProject() && p.code().equals(defaultKey.project())) {
            return new Pseudonymiser(defaultKey);
        }
        if (stored.sealedKey() == null) {
            log.warn("Research project {} has no key of its own (a former default project): it is not served", p.code());
            return null;
        }
        if (seal == null) {
            log.error("Research project {} cannot be served: no project seal key is configured to open its key", p.code());
            return null;
        }
        byte[] key = seal.open(p.code(), stored.sealedKey());
        try {
            return new Pseudonymiser(new ProjectKey(p.code(), key));
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** The codes of the projects served, for messages. */
    public List<String> codes() {
        return new ArrayList<>(current().projects().keySet());
    }
}
