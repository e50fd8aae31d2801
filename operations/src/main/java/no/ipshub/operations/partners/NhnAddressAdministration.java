package no.ipshub.operations.partners;

import java.time.Clock;
import java.util.Optional;
import no.ipshub.connectors.nhn.NhnAddress;
import no.ipshub.connectors.nhn.NhnAddressStore;
import no.ipshub.log.audit.AuditTrail;
import no.ipshub.partners.Partner;
import no.ipshub.partners.PartnerStatus;
import no.ipshub.partners.PartnerStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Operators give partners their address on Norsk helsenett while the hub runs: the HER-ids envelopes name them by,
 * and whether they receive their messages over Norsk helsenett. Each change and its audit row commit together;
 * every instance reads the addresses from the database at each envelope.
 */
public class NhnAddressAdministration {

    private static final Logger log = LoggerFactory.getLogger(NhnAddressAdministration.class);

    private final NhnAddressStore addresses;
    private final PartnerStore partners;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public NhnAddressAdministration(NhnAddressStore addresses, PartnerStore partners, AuditTrail audit,
            TransactionTemplate transactions, Clock clock) {
        this.addresses = addresses;
        this.partners = partners;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Optional<NhnAddress> get(String partnerId) {
        existing(partnerId);
        return addresses.ofPartner(partnerId);
    }

    /**
     * Sets the partner's address.
     *
     * @throws PartnerRequestException 400 for bad fields, 404 for an unknown partner, 409 for a removed one or a
     *                                 HER-id another partner has
     */
    public NhnAddress put(String partnerId, NhnAddressForm form, String actor) {
        PartnerForm.requireNone(form.problems());
        existing(partnerId);
        NhnAddress address = new NhnAddress(partnerId, form.herId(), form.organisationHerId(),
                Boolean.TRUE.equals(form.deliverOverNhn()));
        Optional<NhnAddress> holder = addresses.ofHerId(address.herId());
        if (holder.isPresent() && !holder.get().partnerId().equals(partnerId)) {
            throw herIdTaken(holder.get().partnerId());
        }
        try {
            transactions.executeWithoutResult(status -> {
                addresses.put(address, clock.instant());
                audit.append(actor, "PARTNER_NHN_ADDRESS_SET", describe(address), 1);
            });
        } catch (DuplicateKeyException e) {
            throw herIdTaken("another partner");
        }
        log.info("{} set the Norsk helsenett address of partner {}", actor, partnerId);
        return address;
    }

    /** Removes the partner's address; 404 when it has none. */
    public void remove(String partnerId, String actor) {
        existing(partnerId);
        boolean removed = Boolean.TRUE.equals(transactions.execute(status -> {
            boolean gone = addresses.remove(partnerId);
            if (gone) {
                audit.append(actor, "PARTNER_NHN_ADDRESS_REMOVED", "partner=" + partnerId, 1);
            }
            return gone;
        }));
        if (!removed) {
            throw new PartnerRequestException(HttpStatus.NOT_FOUND, "Partner " + partnerId
                    + " has no address on Norsk helsenett.");
        }
        log.info("{} removed the Norsk helsenett address of partner {}", actor, partnerId);
    }

    private Partner existing(String partnerId) {
        Partner partner = partners.load(partnerId).orElseThrow(() -> new PartnerRequestException(HttpStatus.NOT_FOUND,
                "There is no partner " + partnerId + "."));
        if (partner.status() == PartnerStatus.REMOVED) {
            throw new PartnerRequestException(HttpStatus.CONFLICT, "Partner " + partnerId + " has been removed.");
        }
        return partner;
    }

    private static PartnerRequestException herIdTaken(String holder) {
        return new PartnerRequestException(HttpStatus.CONFLICT, "The HER-id names " + holder
                + " already: a HER-id names one partner.");
    }

    private static String describe(NhnAddress a) {
        return "partner=" + a.partnerId() + " herId=" + a.herId() + " organisationHerId=" + a.organisationHerId()
                + " deliverOverNhn=" + a.deliverOverNhn();
    }
}
