package no.ipshub.routes.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.ipshub.schemas.v1.FollowUp;
import no.ipshub.schemas.v1.HubMessage;
import no.ipshub.schemas.v1.Outcome;
import no.ipshub.schemas.v1.Referral;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The hub's topic names ({@code hub.topics.*}) and how many partitions each kind of topic gets.
 *
 * <p>Partner topics are templates with a {@value #PARTNER_PLACEHOLDER} placeholder; {@link #ingressFor} and
 * {@link #inboxFor} fill it in. The defaults are also published to the Spring environment, so routes of other
 * modules can write {@code {{hub.topics.collaboration-log}}} without repeating them.
 */
@ConfigurationProperties("hub.topics")
public record HubTopics(
        @DefaultValue(DEFAULT_REFERRAL) String referral,
        @DefaultValue(DEFAULT_FOLLOW_UP) String followUp,
        @DefaultValue(DEFAULT_OUTCOME) String outcome,
        @DefaultValue(DEFAULT_DEAD_LETTER) String deadLetter,
        @DefaultValue(DEFAULT_COLLABORATION_LOG) String collaborationLog,
        @DefaultValue(DEFAULT_INGRESS) String ingress,
        @DefaultValue(DEFAULT_INBOX) String inbox,
        @DefaultValue Partitions partitions) {

    public static final String PARTNER_PLACEHOLDER = "{partner}";
    public static final String DEFAULT_REFERRAL = "ips.referral-v1";
    public static final String DEFAULT_FOLLOW_UP = "ips.followup-v1";
    public static final String DEFAULT_OUTCOME = "ips.outcome-v1";
    public static final String DEFAULT_DEAD_LETTER = "ips.deadletter-v1";
    public static final String DEFAULT_COLLABORATION_LOG = "ips.collaboration-log-v1";
    public static final String DEFAULT_INGRESS = "ips.ingress.{partner}-v1";
    public static final String DEFAULT_INBOX = "ips.inbox.{partner}-v1";

    public HubTopics {
        requireTemplate("hub.topics.ingress", ingress);
        requireTemplate("hub.topics.inbox", inbox);
        partitions = partitions == null ? Partitions.defaults() : partitions;
    }

    /** The topic names and partition counts the hub uses when nothing is configured. */
    public static HubTopics defaults() {
        return new HubTopics(DEFAULT_REFERRAL, DEFAULT_FOLLOW_UP, DEFAULT_OUTCOME, DEFAULT_DEAD_LETTER,
                DEFAULT_COLLABORATION_LOG, DEFAULT_INGRESS, DEFAULT_INBOX, Partitions.defaults());
    }

    /** The topic a Kafka-native partner writes its messages to, e.g. {@code ips.ingress.nav-bergenhus-v1}. */
    public String ingressFor(String partnerId) {
        return ingress.replace(PARTNER_PLACEHOLDER, partnerId);
    }

    /** The topic the hub delivers a partner's messages to, e.g. {@code ips.inbox.nav-bergenhus-v1}. */
    public String inboxFor(String partnerId) {
        return inbox.replace(PARTNER_PLACEHOLDER, partnerId);
    }

    /** The partner whose ingress topic this is, when it is one. */
    public Optional<String> partnerOfIngressTopic(String topic) {
        Matcher m = templatePattern(ingress).matcher(topic);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The canonical topic of the message's payload kind. */
    public String canonicalFor(HubMessage message) {
        Object payload = message.getPayload();
        if (payload instanceof Referral) {
            return referral;
        }
        if (payload instanceof FollowUp) {
            return followUp;
        }
        if (payload instanceof Outcome) {
            return outcome;
        }
        throw new IllegalArgumentException("unsupported payload type "
                + (payload == null ? "null" : payload.getClass().getSimpleName()));
    }

    /** The three canonical message topics: referral, follow-up, outcome. */
    public List<String> canonicalTopics() {
        return List.of(referral, followUp, outcome);
    }

    private static Pattern templatePattern(String template) {
        int at = template.indexOf(PARTNER_PLACEHOLDER);
        String prefix = template.substring(0, at);
        String suffix = template.substring(at + PARTNER_PLACEHOLDER.length());
        return Pattern.compile(Pattern.quote(prefix) + "([a-z0-9][a-z0-9-]*)" + Pattern.quote(suffix));
    }

    private static void requireTemplate(String key, String template) {
        Objects.requireNonNull(template, key);
        if (!template.contains(PARTNER_PLACEHOLDER)) {
            throw new IllegalArgumentException(key + " must contain " + PARTNER_PLACEHOLDER + ", was " + template);
        }
    }

    /**
     * Partitions per kind of topic ({@code hub.topics.partitions.*}). Ordering holds per case within a
     * partition, so more partitions spread load without breaking it.
     */
    public record Partitions(
            @DefaultValue("6") int canonical,
            @DefaultValue("3") int ingress,
            @DefaultValue("3") int inbox,
            @DefaultValue("3") int deadLetter,
            @DefaultValue("6") int collaborationLog) {

        public static Partitions defaults() {
            return new Partitions(6, 3, 3, 3, 6);
        }
    }
}
