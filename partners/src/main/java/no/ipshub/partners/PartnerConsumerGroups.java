package no.ipshub.partners;

/**
 * The Kafka consumer groups a partner may use: {@code <id>-inbox}, and any group named {@code <id>.<anything>}.
 * Partner ids hold no dot and never start with {@value #HUB_PREFIX}, so no partner may use another partner's
 * group (not even {@code nav} those of {@code nav-bergenhus}) nor one of the hub's, all named {@code ips-hub-...}.
 */
public final class PartnerConsumerGroups {

    /** How every consumer group, client and transactional id of the hub itself begins; no partner id may. */
    public static final String HUB_PREFIX = "ips-hub";
    /** Ends a partner's id in the names of its further groups; partner ids cannot hold it. */
    public static final String DELIMITER = ".";

    private PartnerConsumerGroups() {
    }

    /** The group a partner reads its inbox topic with, e.g. {@code nav-bergenhus-inbox}. */
    public static String inbox(String partnerId) {
        return partnerId + "-inbox";
    }

    /** How the names of the partner's further groups begin, e.g. {@code nav-bergenhus.}. */
    public static String prefix(String partnerId) {
        return partnerId + DELIMITER;
    }
}
