package no.ipshub.partners.topics;

import java.time.Duration;
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
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The hub's topic names ({@code hub.topics.*}) and how many partitions each kind of topic gets.
 *
 * <p>Partner topics are templates with a {@value #PARTNER_PLACEHOLDER} placeholder; {@link #ingressFor} and
 * {@link #inboxFor} fill it in. The defaults are also published to the Spring environment, so routes of other
 * modules can write {@code {{hub.topics.collaboration-log}}} without repeating them.
 *
 * <p>Three topics are the intake's own, written by the hub only: {@code intakeState}, the compacted changelog of
 * the state that decides a message (accepted message ids and case parties, partitioned as the ingress topics),
 * {@code intakeSubmission}, the HTTP edge's submissions and records moved to their case's partition (partitioned as
 * the state, and the only place where the hub trusts its own headers: partners never write there), and
 * {@code intakeReply}, the answers to HTTP submissions. {@code inboxRetention} is how long the inbox topics keep a
 * message: partners, over Kafka or {@code GET /api/v1/inbox}, must read their inbox within it.
 * {@code ingressRetention} is how long an ingress topic (and the submission topic) keeps a message the hub has not
 * taken in yet: the longest stall of the hub that loses nothing.
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
        @DefaultValue(DEFAULT_INTAKE_STATE) String intakeState,
        @DefaultValue(DEFAULT_INTAKE_SUBMISSION) String intakeSubmission,
        @DefaultValue(DEFAULT_INTAKE_REPLY) String intakeReply,
        @DefaultValue("30d") Duration inboxRetention,
        @DefaultValue("30d") Duration ingressRetention,
        @DefaultValue Partitions partitions) {

    public static final String PARTNER_PLACEHOLDER = "{partner}";
    public static final String DEFAULT_REFERRAL = "ips.referral-v1";
    public static final String DEFAULT_FOLLOW_UP = "ips.followup-v1";
    public static final String DEFAULT_OUTCOME = "ips.outcome-v1";
    public static final String DEFAULT_DEAD_LETTER = "ips.deadletter-v1";
    public static final String DEFAULT_COLLABORATION_LOG = "ips.collaboration-log-v1";
    public static final String DEFAULT_INGRESS = "ips.ingress.{partner}-v1";
    public static final String DEFAULT_INBOX = "ips.inbox.{partner}-v1";
    public static final String DEFAULT_INTAKE_STATE = "ips.intake-state-v1";
    public static final String DEFAULT_INTAKE_SUBMISSION = "ips.intake-submission-v1";
    public static final String DEFAULT_INTAKE_REPLY = "ips.intake-reply-v1";
    public static final Duration DEFAULT_INBOX_RETENTION = Duration.ofDays(30);
    public static final Duration DEFAULT_INGRESS_RETENTION = Duration.ofDays(30);

    @ConstructorBinding
    public HubTopics {
        requireTemplate("hub.topics.ingress", ingress);
        requireTemplate("hub.topics.inbox", inbox);
        partitions = partitions == null ? Partitions.defaults() : partitions;
        intakeState = intakeState == null ? DEFAULT_INTAKE_STATE : intakeState;
        intakeSubmission = intakeSubmission == null ? DEFAULT_INTAKE_SUBMISSION : intakeSubmission;
        intakeReply = intakeReply == null ? DEFAULT_INTAKE_REPLY : intakeReply;
        inboxRetention = inboxRetention == null ? DEFAULT_INBOX_RETENTION : inboxRetention;
        ingressRetention = ingressRetention == null ? DEFAULT_INGRESS_RETENTION : ingressRetention;
    }

    /** The topics with the default submission topic and ingress retention. */
    public HubTopics(String referral, String followUp, String outcome, String deadLetter, String collaborationLog,
            String ingress, String inbox, String intakeState, String intakeReply, Duration inboxRetention,
            Partitions partitions) {
        this(referral, followUp, outcome, deadLetter, collaborationLog, ingress, inbox, intakeState,
                DEFAULT_INTAKE_SUBMISSION, intakeReply, inboxRetention, DEFAULT_INGRESS_RETENTION, partitions);
    }

    /** The topics with the default submission topic. */
    public HubTopics(String referral, String followUp, String outcome, String deadLetter, String collaborationLog,
            String ingress, String inbox, String intakeState, String intakeReply, Duration inboxRetention,
            Duration ingressRetention, Partitions partitions) {
        this(referral, followUp, outcome, deadLetter, collaborationLog, ingress, inbox, intakeState,
                DEFAULT_INTAKE_SUBMISSION, intakeReply, inboxRetention, ingressRetention, partitions);
    }

    /** The topic names and partition counts the hub uses when nothing is configured. */
    public static HubTopics defaults() {
        return new HubTopics(DEFAULT_REFERRAL, DEFAULT_FOLLOW_UP, DEFAULT_OUTCOME, DEFAULT_DEAD_LETTER,
                DEFAULT_COLLABORATION_LOG, DEFAULT_INGRESS, DEFAULT_INBOX, DEFAULT_INTAKE_STATE,
                DEFAULT_INTAKE_SUBMISSION, DEFAULT_INTAKE_REPLY, DEFAULT_INBOX_RETENTION, DEFAULT_INGRESS_RETENTION,
                Partitions.defaults());
    }

    /** The topic a Kafka-native partner writes its messages to, e.g. {@code ips.ingress.nav-bergenhus-v1}. */
    public String ingressFor(String partnerId) {
        return ingress.replace(PARTNER_PLACEHOLDER, partnerId);
    }

    /** The topic the hub delivers a partner's messages to, e.g. {@code ips.inbox.nav-bergenhus-v1}. */
    public String inboxFor(String partnerId) {
        return inbox.replace(PARTNER_PLACEHOLDER, partnerId);
    }

    /** Every partner's ingress topic, those of partners added later included. */
    public Pattern ingressPattern() {
        return templatePattern(ingress);
    }

    /**
     * What the intake reads: every partner's ingress topic (those of partners added later included) and the hub's
     * own submission topic.
     */
    public Pattern intakePattern() {
        return Pattern.compile(ingressPattern().pattern() + "|" + Pattern.quote(intakeSubmission));
    }

    /** Every partner's inbox topic, those of partners added later included. */
    public Pattern inboxPattern() {
        return templatePattern(inbox);
    }

    /** The partner whose ingress topic this is, when it is one. */
    public Optional<String> partnerOfIngressTopic(String topic) {
        Matcher m = templatePattern(ingress).matcher(topic);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The partner whose inbox topic this is, when it is one. */
    public Optional<String> partnerOfInboxTopic(String topic) {
        Matcher m = templatePattern(inbox).matcher(topic);
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
     * partition, so more partitions spread load without breaking it. The intake's state has as many partitions
     * as each ingress topic: partition {@code k} of every ingress topic and of the state belong together.
     */
    public record Partitions(
            @DefaultValue("6") int canonical,
            @DefaultValue("3") int ingress,
            @DefaultValue("3") int inbox,
            @DefaultValue("3") int deadLetter,
            @DefaultValue("6") int collaborationLog,
            @DefaultValue("3") int intakeReply) {

        public static Partitions defaults() {
            return new Partitions(6, 3, 3, 3, 6, 3);
        }
    }
}
