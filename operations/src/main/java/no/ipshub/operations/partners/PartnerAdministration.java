package no.ipshub.operations.partners;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import no.ipshub.connectors.security.ApiKeyHasher;
import no.ipshub.log.audit.AuditTrail;
import no.ipshub.partners.JdbcPartnerDirectory;
import no.ipshub.partners.Partner;
import no.ipshub.partners.PartnerStatus;
import no.ipshub.partners.PartnerStore;
import no.ipshub.partners.provisioning.PartnerProvisioner;
import no.ipshub.partners.provisioning.Provisioning;
import no.ipshub.schemas.v1.Sector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Operators' changes to the partners while the hub runs: add (topics, subjects and ACLs first, then the partner
 * with a new API key, of which only the hash is kept), change, suspend, reinstate, issue a new key, remove (its
 * ACLs go, its topics stay). Each change and its audit row commit together; this instance sees the change at once,
 * the others at their next directory refresh.
 */
public class PartnerAdministration {

    private static final Logger log = LoggerFactory.getLogger(PartnerAdministration.class);

    private final PartnerStore store;
    private final JdbcPartnerDirectory directory;
    private final PartnerProvisioner provisioner;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;

    public PartnerAdministration(PartnerStore store, JdbcPartnerDirectory directory, PartnerProvisioner provisioner,
            AuditTrail audit, TransactionTemplate transactions) {
        this.store = store;
        this.directory = directory;
        this.provisioner = provisioner;
        this.audit = audit;
        this.transactions = transactions;
    }

    /**
     * A partner just added, with its one and only sight of its API key.
     *
     * @param partner      the partner as stored
     * @param apiKey       the new API key in clear; the hub keeps only its hash and cannot show it again
     * @param provisioning what was set up in Kafka and the registry
     */
    public record Added(Partner partner, String apiKey, Provisioning provisioning) {
    }

    /** Every partner, removed ones included, in the order they were added. */
    public List<Partner> list() {
        return store.loadAll();
    }

    /** The partner with this id whatever its status. */
    public Partner get(String id) {
        return store.load(id).orElseThrow(() -> notFound(id));
    }

    public Added add(PartnerForm form, String actor) {
        PartnerForm.requireNone(form.problemsAsNew());
        String id = form.id().strip();
        if (store.load(id).isPresent()) {
            throw new PartnerRequestException(HttpStatus.CONFLICT, "The id " + id + " is taken"
                    + (store.load(id).get().status() == PartnerStatus.REMOVED
                            ? " by a removed partner, whose inbox topic still holds its messages: choose another id."
                            : "."));
        }
        Sector sector = form.parsedSector();
        String tokenOrganisation = !PartnerForm.blank(form.tokenOrganisation()) ? form.tokenOrganisation().strip()
                : sector == Sector.HEALTH ? form.organisation().strip() : null;
        requireTokenOrganisationFree(tokenOrganisation, id);
        String apiKey = ApiKeyHasher.newApiKey();
        Partner partner = new Partner(id, form.name().strip(), sector, form.organisation().strip(),
                List.of(ApiKeyHasher.hash(apiKey)), tokenOrganisation, PartnerStatus.ACTIVE,
                form.apiKeysEnabled() == null || form.apiKeysEnabled());
        // Kafka first: a partner is stored only once its topics exist; a second try finds them and goes on
        Provisioning provisioning = provisioner.provision(partner);
        try {
            transactions.executeWithoutResult(status -> {
                store.insert(partner);
                audit.append(actor, "PARTNER_ADDED", describe(partner) + " acls=" + provisioning.acls(), 1);
            });
        } catch (DuplicateKeyException e) {
            throw new PartnerRequestException(HttpStatus.CONFLICT, "The id " + id + " was taken a moment ago.");
        }
        directory.refresh();
        log.info("{} added partner {}", actor, id);
        return new Added(partner, apiKey, provisioning);
    }

    public Partner change(String id, PartnerForm form, String actor) {
        Partner current = existing(id);
        PartnerForm.requireNone(form.problemsAsChange(current.sector()));
        String tokenOrganisation = form.tokenOrganisation() == null ? current.tokenOrganisation()
                : form.tokenOrganisation().isBlank() ? null : form.tokenOrganisation().strip();
        requireTokenOrganisationFree(tokenOrganisation, id);
        Partner changed = new Partner(id, form.name() == null ? current.displayName() : form.name().strip(),
                current.sector(), PartnerForm.blank(form.organisation()) ? current.organisation() : form.organisation().strip(),
                current.apiKeyHashes(), tokenOrganisation, current.status(),
                form.apiKeysEnabled() == null ? current.apiKeysEnabled() : form.apiKeysEnabled());
        return save(changed, "PARTNER_CHANGED", actor);
    }

    public Partner suspend(String id, String actor) {
        Partner current = existing(id);
        return current.status() == PartnerStatus.SUSPENDED ? current
                : save(current.withStatus(PartnerStatus.SUSPENDED), "PARTNER_SUSPENDED", actor);
    }

    public Partner reinstate(String id, String actor) {
        Partner current = existing(id);
        return current.status() == PartnerStatus.ACTIVE ? current
                : save(current.withStatus(PartnerStatus.ACTIVE), "PARTNER_REINSTATED", actor);
    }

    /**
     * A new API key for the partner; its newest old key keeps working beside it until the next new key, so that the
     * partner can switch without a gap (two keys during a rotation, as in the partners file).
     *
     * @return the new key in clear, shown once
     */
    public String newApiKey(String id, String actor) {
        Partner current = existing(id);
        String apiKey = ApiKeyHasher.newApiKey();
        List<String> hashes = new ArrayList<>();
        hashes.add(ApiKeyHasher.hash(apiKey));
        if (!current.apiKeyHashes().isEmpty()) {
            hashes.add(current.apiKeyHashes().get(0));
        }
        save(new Partner(id, current.displayName(), current.sector(), current.organisation(), hashes,
                current.tokenOrganisation(), current.status(), current.apiKeysEnabled()), "PARTNER_KEY_ISSUED", actor);
        return apiKey;
    }

    /** Removes the partner for good: no authentication, no messages, no ACLs; its topics and inbox stay. */
    public Partner remove(String id, String actor) {
        Partner current = existing(id);
        Provisioning.AclOutcome acls = provisioner.revoke(current);
        Partner removed = new Partner(id, current.displayName(), current.sector(), current.organisation(), List.of(),
                current.tokenOrganisation(), PartnerStatus.REMOVED, false);
        transactions.executeWithoutResult(status -> {
            store.update(removed);
            audit.append(actor, "PARTNER_REMOVED", describe(removed) + " acls=" + acls, 1);
        });
        directory.refresh();
        log.info("{} removed partner {}", actor, id);
        return removed;
    }

    private Partner save(Partner changed, String action, String actor) {
        transactions.executeWithoutResult(status -> {
            store.update(changed);
            audit.append(actor, action, describe(changed), 1);
        });
        directory.refresh();
        log.info("{} {} partner {}", actor, action, changed.id());
        return changed;
    }

    /** A partner that is not removed. */
    private Partner existing(String id) {
        Partner partner = get(id);
        if (partner.status() == PartnerStatus.REMOVED) {
            throw new PartnerRequestException(HttpStatus.CONFLICT, "Partner " + id + " has been removed.");
        }
        return partner;
    }

    private void requireTokenOrganisationFree(String tokenOrganisation, String id) {
        if (tokenOrganisation == null) {
            return;
        }
        Optional<Partner> other = store.loadAll().stream()
                .filter(p -> p.status() != PartnerStatus.REMOVED && !p.id().equals(id)
                        && tokenOrganisation.equals(p.tokenOrganisation()))
                .findFirst();
        if (other.isPresent()) {
            throw new PartnerRequestException(HttpStatus.CONFLICT, "Partner " + other.get().id()
                    + " already has this token organisation number: a token must name one partner.");
        }
    }

    /** The audit row's content: every field that matters, never a key or a hash. */
    private static String describe(Partner p) {
        return "partner=" + p.id() + " name=" + p.displayName() + " sector=" + p.sector() + " organisation="
                + p.organisation() + " tokenOrganisation=" + p.tokenOrganisation() + " status=" + p.status()
                + " apiKeysEnabled=" + p.apiKeysEnabled() + " apiKeys=" + p.apiKeyHashes().size();
    }

    private static PartnerRequestException notFound(String id) {
        return new PartnerRequestException(HttpStatus.NOT_FOUND, "There is no partner " + id + ".");
    }
}
