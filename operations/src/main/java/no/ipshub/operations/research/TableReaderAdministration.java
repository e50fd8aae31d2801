package no.ipshub.operations.research;

import java.util.List;
import no.ipshub.connectors.security.ApiKeyHasher;
import no.ipshub.connectors.security.HubRole;
import no.ipshub.connectors.security.HubSecurityProperties;
import no.ipshub.connectors.security.RunTimeAccounts;
import no.ipshub.log.audit.AuditTrail;
import no.ipshub.log.project.ProjectAdministration;
import no.ipshub.log.project.ProjectRequestException;
import no.ipshub.log.project.TableReader;
import no.ipshub.partners.PartnerDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Operators' table readers at run time: an account of role {@code TABLE_READER} with a new API key (of which only
 * the hash is kept), and its project and scope, added, changed and removed together, each change with its audit row
 * in one transaction. This instance knows a change at once, the others within {@link RunTimeAccounts#REFRESH}.
 */
public class TableReaderAdministration {

    private static final Logger log = LoggerFactory.getLogger(TableReaderAdministration.class);

    private final RunTimeAccounts accounts;
    private final ProjectAdministration projects;
    private final HubSecurityProperties configured;
    private final PartnerDirectory partners;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;

    public TableReaderAdministration(RunTimeAccounts accounts, ProjectAdministration projects,
            HubSecurityProperties configured, PartnerDirectory partners, AuditTrail audit, TransactionTemplate transactions) {
        this.accounts = accounts;
        this.projects = projects;
        this.configured = configured;
        this.partners = partners;
        this.audit = audit;
        this.transactions = transactions;
    }

    /**
     * A table reader just added, with its one and only sight of its API key.
     *
     * @param reader the reader with its project and scope
     * @param apiKey the new API key in clear; the hub keeps only its hash
     */
    public record Added(TableReader reader, String apiKey) {
    }

    /** What an operator sends: the account name (new readers only), the project and the scope. */
    public record Form(String name, String project, List<String> teams, List<String> navOffices) {
    }

    public List<TableReader> list() {
        return projects.tableReaders();
    }

    public TableReader get(String name) {
        return projects.tableReaders().stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> notFound(name));
    }

    public Added add(Form form, String actor) {
        String name = form.name() == null ? "" : form.name().strip();
        if (configured.accounts().stream().anyMatch(a -> a.name().equals(name)) || partners.lookUp(name).isPresent()
                || accounts.find(name).isPresent()) {
            throw new ProjectRequestException(HttpStatus.CONFLICT, "The name " + name + " is taken by another account or a "
                    + "partner.");
        }
        String apiKey = ApiKeyHasher.newApiKey();
        TableReader reader = transactions.execute(status -> {
            TableReader r = projects.putTableReader(name, new ProjectAdministration.ScopeForm(form.project(), form.teams(),
                    form.navOffices()), actor);
            if (!accounts.insert(name, HubRole.TABLE_READER, ApiKeyHasher.hash(apiKey))) {
                throw new ProjectRequestException(HttpStatus.CONFLICT, "The name " + name + " was taken a moment ago.");
            }
            return r;
        });
        accounts.refresh();
        log.info("{} added table reader {}", actor, name);
        return new Added(reader, apiKey);
    }

    public TableReader change(String name, Form form, String actor) {
        TableReader current = get(name);
        return projects.putTableReader(name, new ProjectAdministration.ScopeForm(
                form.project() == null ? current.project() : form.project(),
                form.teams() == null ? List.copyOf(current.scope().teams()) : form.teams(),
                form.navOffices() == null ? List.copyOf(current.scope().navOffices()) : form.navOffices()), actor);
    }

    /** A new API key; the newest old one keeps working beside it until the next new key. */
    public String newApiKey(String name, String actor) {
        TableReader reader = get(name);
        String apiKey = ApiKeyHasher.newApiKey();
        transactions.executeWithoutResult(status -> {
            accounts.newKey(name, ApiKeyHasher.hash(apiKey));
            audit.append(actor, "TABLE_READER_KEY_ISSUED", "tableReader=" + name, 1, reader.project());
        });
        accounts.refresh();
        return apiKey;
    }

    /** Removes the reader: its key stops working, its record of what it was shown stays for the audit. */
    public void remove(String name, String actor) {
        get(name);
        transactions.executeWithoutResult(status -> {
            accounts.remove(name);
            projects.removeTableReader(name, actor);
        });
        accounts.refresh();
        log.info("{} removed table reader {}", actor, name);
    }

    private static ProjectRequestException notFound(String name) {
        return new ProjectRequestException(HttpStatus.NOT_FOUND, "There is no table reader " + name + ".");
    }
}
