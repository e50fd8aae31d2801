package no.ipshub.log.project;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import no.ipshub.log.audit.AuditTrail;
import no.ipshub.log.pseudonym.ProjectKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Operators' changes to the research projects and to table readers' scopes while the hub runs. A project is added
 * with its code, name, threshold, researchers and key (a new random key, shown once, when none is given): its log
 * topic and subject first, then the project with its key sealed, and its audit row in the same transaction. A
 * project's code and key never change; the default project is changed in {@code hub.research} only. Every instance
 * serves a change from its next look at the directory.
 */
public class ProjectAdministration {

    private static final Logger log = LoggerFactory.getLogger(ProjectAdministration.class);
    private static final Pattern ACCOUNT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@-]{0,199}");
    private static final Pattern PARTNER = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final int MAX_LIST = 200;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ProjectStore store;
    private final ProjectDirectory directory;
    private final ProjectTopics topics;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;

    public ProjectAdministration(ProjectStore store, ProjectDirectory directory, ProjectTopics topics, AuditTrail audit,
            TransactionTemplate transactions) {
        this.store = store;
        this.directory = directory;
        this.topics = topics;
        this.audit = audit;
        this.transactions = transactions;
    }

    /**
     * A project just added.
     *
     * @param project the project as stored
     * @param key     the key generated for it, as {@code base64:...}, shown this once; null when the operator gave one
     * @param topic   its log topic
     */
    public record Added(ResearchProject project, String key, String topic) {
    }

    /**
     * What an operator sends to add or change a project; null fields of a change keep their value.
     *
     * @param code        the project's code (new projects only)
     * @param name        what people call it
     * @param minCellSize its threshold; at least 1
     * @param researchers the accounts that may read its rows
     * @param key         its key as {@code base64:...} or {@code hex:...}, at least 32 bytes (new projects only; none:
     *                    a new random one)
     */
    public record ProjectForm(String code, String name, Integer minCellSize, List<String> researchers, String key) {

        @Override
        public String toString() {
            return "ProjectForm[code=" + code + ", name=" + name + ", minCellSize=" + minCellSize + ", researchers="
                    + researchers + ", key=" + (key == null ? "none" : "<redacted>") + "]";
        }
    }

    /**
     * What an operator sends to give a table reader its project and scope.
     *
     * @param project    the project's code; the default project when not given
     * @param teams      the treatment teams its tables cover; empty or null: all
     * @param navOffices the NAV offices its tables cover; empty or null: all
     */
    public record ScopeForm(String project, List<String> teams, List<String> navOffices) {
    }

    /** Every project served, by code. */
    public List<ResearchProject> projects() {
        return directory.all().stream().map(ProjectDirectory.Entry::project).toList();
    }

    public ResearchProject project(String code) {
        return directory.find(code).map(ProjectDirectory.Entry::project)
                .orElseThrow(() -> new ProjectRequestException(HttpStatus.NOT_FOUND, "There is no research project " + code + "."));
    }

    public Added add(ProjectForm form, String actor) {
        if (!directory.canAddProjects()) {
            throw new ProjectRequestException(HttpStatus.CONFLICT, "Projects cannot be added: no project seal key is "
                    + "configured (hub.research.project-seal-key-file).");
        }
        String code = form.code() == null ? "" : form.code().strip();
        if (!ResearchProject.CODE.matcher(code).matches()) {
            throw new ProjectRequestException(HttpStatus.BAD_REQUEST, "code must be 1-64 lower-case letters, digits, '.', "
                    + "'_' or '-', starting with a letter or digit.");
        }
        if (store.project(code).isPresent()) {
            throw new ProjectRequestException(HttpStatus.CONFLICT, "The code " + code + " is taken: a project's code and "
                    + "pseudonyms are for good.");
        }
        ResearchProject project = new ResearchProject(code, name(form.name(), code), threshold(form.minCellSize(), 5),
                researchers(form.researchers(), Set.of()), false);
        byte[] key = form.key() == null || form.key().isBlank() ? generated() : given(form.key());
        String shown = form.key() == null || form.key().isBlank() ? "base64:" + Base64.getEncoder().encodeToString(key) : null;
        try {
            byte[] sealed = directory.seal(code, key);
            topics.provision(project);
            transactions.executeWithoutResult(status -> {
                if (!store.insert(project, sealed)) {
                    throw new ProjectRequestException(HttpStatus.CONFLICT, "The code " + code + " was taken a moment ago.");
                }
                audit.append(actor, "PROJECT_ADDED", describe(project), 1, code);
            });
        } finally {
            Arrays.fill(key, (byte) 0);
        }
        log.info("{} added research project {}", actor, code);
        return new Added(project, shown, topics.topicOf(project));
    }

    public ResearchProject change(String code, ProjectForm form, String actor) {
        ResearchProject current = project(code);
        if (current.defaultProject()) {
            throw new ProjectRequestException(HttpStatus.CONFLICT, "Project " + code + " is the default project: change it "
                    + "in hub.research (project, min-cell-size, researchers).");
        }
        if (form.key() != null || (form.code() != null && !form.code().strip().equals(code))) {
            throw new ProjectRequestException(HttpStatus.BAD_REQUEST, "A project's code and key never change: they make "
                    + "its pseudonyms.");
        }
        ResearchProject changed = new ResearchProject(code, form.name() == null ? current.name() : name(form.name(), code),
                form.minCellSize() == null ? current.minCellSize() : threshold(form.minCellSize(), current.minCellSize()),
                form.researchers() == null ? current.researchers() : researchers(form.researchers(), Set.of()), false);
        transactions.executeWithoutResult(status -> {
            store.update(changed);
            audit.append(actor, "PROJECT_CHANGED", describe(changed), 1, code);
        });
        log.info("{} changed research project {}", actor, code);
        return changed;
    }

    /** Gives a table reader its project and scope (a new one, or a change), audited. */
    public TableReader putTableReader(String name, ScopeForm form, String actor) {
        if (name == null || !ACCOUNT.matcher(name).matches()) {
            throw new ProjectRequestException(HttpStatus.BAD_REQUEST, "name must be 1-200 letters, digits, '.', '_', ':', "
                    + "'@' or '-'.");
        }
        String code = form.project() == null || form.project().isBlank() ? directory.defaultProject().project().code()
                : form.project().strip();
        project(code);
        TableReader reader = new TableReader(name, code, new TableScope(partners(form.teams(), "teams"),
                partners(form.navOffices(), "navOffices")));
        boolean existed = directory.tableReader(name).isPresent();
        transactions.executeWithoutResult(status -> {
            store.putTableReader(reader);
            audit.append(actor, existed ? "TABLE_READER_CHANGED" : "TABLE_READER_ADDED", "tableReader=" + name + " "
                    + reader.scope().describe(), 1, code);
        });
        return reader;
    }

    /** Removes a table reader's scope, audited; the account itself is removed by the caller in the same transaction. */
    public void removeTableReader(String name, String actor) {
        TableReader reader = directory.tableReader(name).orElseThrow(() -> new ProjectRequestException(HttpStatus.NOT_FOUND,
                "There is no table reader " + name + "."));
        store.removeTableReader(name);
        audit.append(actor, "TABLE_READER_REMOVED", "tableReader=" + name, 1, reader.project());
    }

    /** The table readers with a scope, by name. */
    public List<TableReader> tableReaders() {
        return directory.tableReaders().stream().sorted(java.util.Comparator.comparing(TableReader::name)).toList();
    }

    private static String name(String name, String code) {
        String n = name == null || name.isBlank() ? code : name.strip();
        if (n.length() > 200) {
            throw new ProjectRequestException(HttpStatus.BAD_REQUEST, "name must be at most 200 characters.");
        }
        return n;
    }

    private static int threshold(Integer value, int otherwise) {
        int k = value == null ? otherwise : value;
        if (k < 1 || k > 100) {
            throw new ProjectRequestException(HttpStatus.BAD_REQUEST, "minCellSize must be from 1 to 100.");
        }
        return k;
    }

    private static Set<String> researchers(List<String> names, Set<String> otherwise) {
        if (names == null) {
            return otherwise;
        }
        if (names.size() > MAX_LIST || names.stream().anyMatch(n -> n == null || !ACCOUNT.matcher(n).matches())) {
            throw new ProjectRequestException(HttpStatus.BAD_REQUEST, "researchers must be at most " + MAX_LIST
                    + " account names of letters, digits, '.', '_', ':', '@' or '-'.");
        }
        return new LinkedHashSet<>(names);
    }

    private static Set<String> partners(List<String> ids, String field) {
        if (ids == null) {
            return Set.of();
        }
        if (ids.size() > MAX_LIST || ids.stream().anyMatch(i -> i == null || !PARTNER.matcher(i).matches())) {
            throw new ProjectRequestException(HttpStatus.BAD_REQUEST, field + " must be at most " + MAX_LIST + " partner ids.");
        }
        return new LinkedHashSet<>(ids);
    }

    private static byte[] generated() {
        byte[] key = new byte[ProjectKey.MIN_KEY_BYTES];
        RANDOM.nextBytes(key);
        return key;
    }

    private static byte[] given(String text) {
        String t = text.strip();
        byte[] key;
        try {
            if (t.startsWith("base64:")) {
                key = Base64.getDecoder().decode(t.substring(7).strip());
            } else if (t.startsWith("hex:")) {
                key = HexFormat.of().parseHex(t.substring(4).strip());
            } else {
                throw new ProjectRequestException(HttpStatus.BAD_REQUEST, "key must be base64:... or hex:...");
            }
        } catch (IllegalArgumentException e) {
            throw new ProjectRequestException(HttpStatus.BAD_REQUEST, "key is not valid " + t.substring(0, t.indexOf(':')) + ".");
        }
        if (key.length < ProjectKey.MIN_KEY_BYTES) {
            throw new ProjectRequestException(HttpStatus.BAD_REQUEST, "key must hold at least " + ProjectKey.MIN_KEY_BYTES
                    + " bytes; it has " + key.length + ".");
        }
        return key;
    }

    /** The audit row's content: every field that matters, never the key. */
    private static String describe(ResearchProject p) {
        return "project=" + p.code() + " name=" + p.name() + " minCellSize=" + p.minCellSize() + " researchers="
                + (p.researchers() == null ? "*" : String.join(",", p.researchers().stream().sorted().toList()));
    }
}
