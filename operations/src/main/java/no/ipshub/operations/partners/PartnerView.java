package no.ipshub.operations.partners;

import no.ipshub.partners.Partner;
import no.ipshub.partners.topics.HubTopics;

/**
 * A partner as the operations API shows it: never a key or a hash, only how many keys it has.
 *
 * @param id                the partner id
 * @param name              its name for people
 * @param sector            HEALTH or NAV
 * @param organisation      organisation number or NAV unit number
 * @param tokenOrganisation the organisation number its access tokens must carry; null when it has none
 * @param status            ACTIVE, SUSPENDED or REMOVED
 * @param apiKeysEnabled    whether its API keys authenticate it
 * @param apiKeys           how many API keys it has (two during a rotation)
 * @param ingressTopic      the topic it writes to over Kafka
 * @param inboxTopic        the topic it reads over Kafka (kept after it is removed)
 * @param contract          where its contract sheet is
 */
public record PartnerView(String id, String name, String sector, String organisation, String tokenOrganisation,
        String status, boolean apiKeysEnabled, int apiKeys, String ingressTopic, String inboxTopic, String contract) {

    public static PartnerView of(Partner p, HubTopics topics) {
        return new PartnerView(p.id(), p.displayName(), p.sector().name(), p.organisation(), p.tokenOrganisation(),
                p.status().name(), p.apiKeysEnabled(), p.apiKeyHashes().size(), topics.ingressFor(p.id()),
                topics.inboxFor(p.id()), "/api/v1/partners/" + p.id() + "/contract");
    }
}
