package no.ipshub.connectors.contract;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import no.ipshub.connectors.nhn.NhnAddress;
import no.ipshub.partners.Partner;
import no.ipshub.partners.PartnerConsumerGroups;
import no.ipshub.partners.schema.HubSchemaRegistration;
import no.ipshub.partners.topics.HubTopics;
import no.ipshub.routes.time.HubZone;
import no.ipshub.schemas.bounds.ContractBounds;
import no.ipshub.schemas.identifiers.SyntheticIdentifiers;
import no.ipshub.schemas.json.HubMessageJson;
import no.ipshub.schemas.v1.FollowUp;
import no.ipshub.schemas.v1.FollowUpKind;
import no.ipshub.schemas.v1.HubMessage;
import no.ipshub.schemas.v1.Outcome;
import no.ipshub.schemas.v1.OutcomeKind;
import no.ipshub.schemas.v1.Referral;
import no.ipshub.schemas.v1.Sector;

/**
 * The contract sheet of one partner: what it sends and receives, where, and every answer it can get. Its example
 * messages pass the hub's checks (checksum-valid synthetic identifiers that no real person or organisation has).
 *
 * @param partner          the partner the sheet is for
 * @param counterpart      a partner of the other sector to address the examples to
 * @param topics           the hub's topic names
 * @param baseUrl          where partners reach the hub's HTTP API, e.g. {@code https://ips-hub.example}
 * @param bootstrapServers the Kafka bootstrap servers partners connect to
 * @param registryUrl      the schema registry partners' serdes use
 * @param maxBodyBytes     the largest message body over HTTP
 * @param tokenIssuers     names of the trusted token issuers; empty when the hub takes API keys only
 * @param nhn              the partner's address on Norsk helsenett, or null when it has none
 * @param hubHerId         the hub's own HER-id, or null when it has none
 */
record ContractSheet(Partner partner, String counterpart, HubTopics topics, String baseUrl, String bootstrapServers,
        String registryUrl, long maxBodyBytes, List<String> tokenIssuers, NhnAddress nhn, Long hubHerId) {

    ContractSheet(Partner partner, String counterpart, HubTopics topics, String baseUrl, String bootstrapServers,
            String registryUrl, long maxBodyBytes, List<String> tokenIssuers) {
        this(partner, counterpart, topics, baseUrl, bootstrapServers, registryUrl, maxBodyBytes, tokenIssuers, null, null);
    }

    private static final HubMessageJson JSON = new HubMessageJson();

    SheetDocument document(Clock clock) {
        String id = partner.id();
        String ingress = topics.ingressFor(id);
        String inbox = topics.inboxFor(id);
        SheetDocument doc = new SheetDocument()
                .heading(1, "Contract sheet: " + partner.displayName() + " (`" + id + "`)")
                .paragraph("Sector `" + partner.sector() + "`, organisation `" + partner.organisation() + "`, status `"
                        + partner.status() + "`. Messages are `HubMessage` records: an envelope and a referral, "
                        + "follow-up or outcome. Every `sender` you write must be `" + id + "`.")
                .heading(2, "Topics and subjects")
                .table(List.of("topic", "you", "key", "value", "registry subject"), List.of(
                        List.of("`" + ingress + "`", "write", "case id", "`HubMessage` (Avro, Confluent wire format)",
                                "`" + HubSchemaRegistration.subject(ingress) + "`"),
                        List.of("`" + inbox + "`", "read", "case id", "`HubMessage`, as its sender wrote it",
                                "`" + HubSchemaRegistration.subject(inbox) + "`")))
                .paragraph("The inbox topic keeps a message for " + topics.inboxRetention().toDays()
                        + " days; read it within that time, over Kafka or with `GET /api/v1/inbox`. An inbox cursor"
                        + " whose messages were deleted meanwhile is answered `410 Gone` with `earliestCursor`, the"
                        + " earliest cursor still valid, to go on from.");
        doc.heading(2, "Authentication");
        if (partner.apiKeysEnabled()) {
            doc.paragraph("API key: `Authorization: Bearer <api key>`. The key was shown once when you were added; "
                    + "ask an operator for a new one if it is lost.");
        } else {
            doc.paragraph("API keys are switched off for you: use an access token.");
        }
        if (tokenIssuers.isEmpty()) {
            doc.paragraph("This hub takes no access tokens.");
        } else if (partner.tokenOrganisation() == null) {
            doc.paragraph("Access tokens (" + String.join(", ", tokenIssuers) + ") need a token organisation number, "
                    + "which you do not have yet: ask an operator.");
        } else {
            doc.paragraph("Access token of a trusted issuer (" + String.join(", ", tokenIssuers) + "): "
                    + "`Authorization: Bearer <token>`. It must name organisation number `" + partner.tokenOrganisation()
                    + "` (Maskinporten: `consumer.ID` `0192:" + partner.tokenOrganisation() + "`), carry the partner "
                    + "scope, this hub's audience, and be within its `exp` and `nbf`.");
        }
        Examples examples = new Examples(clock);
        doc.heading(2, "Example messages")
                .paragraph("Each passes the hub's checks. The identifiers are synthetic (a birth month plus 80, "
                        + "employer numbers that no company has): never use a real person's number in a test. "
                        + "A follow-up or an outcome is accepted only on a case that a referral between the two of you "
                        + "opened.")
                .heading(3, "Referral")
                .code("json", JSON.toJson(examples.referral()))
                .heading(3, "Follow-up")
                .code("json", JSON.toJson(examples.followUp()))
                .heading(3, "Outcome")
                .code("json", JSON.toJson(examples.outcome()));
        List<List<String>> bounds = ContractBounds.table();
        doc.heading(2, "Field bounds")
                .paragraph("Every string field has a bound; a message over one is refused whole, naming the field: "
                        + "over HTTP a `422` with `OUT_OF_RANGE` (too long) or `INVALID_FORMAT` (a character outside "
                        + "the rule), over Kafka a dead letter. Lengths count UTF-16 code units: an emoji counts as "
                        + "two.")
                .table(bounds.get(0), bounds.subList(1, bounds.size()));
        doc.heading(2, "Over HTTP")
                .code("sh", "curl -sS -X POST " + baseUrl + "/api/v1/messages \\\n"
                        + "  -H 'Authorization: Bearer <api key or access token>' \\\n"
                        + "  -H 'Content-Type: application/json' --data @referral.json\n"
                        + "curl -sS -X POST '" + baseUrl + "/api/v1/messages?dryRun=true' \\\n"
                        + "  -H 'Authorization: Bearer <api key or access token>' \\\n"
                        + "  -H 'Content-Type: application/json' --data @referral.json\n"
                        + "curl -sS '" + baseUrl + "/api/v1/inbox?after=0&limit=100' \\\n"
                        + "  -H 'Authorization: Bearer <api key or access token>'")
                .paragraph("`?dryRun=true` runs every check of a real submission (the case's parties and the duplicate "
                        + "check too) and answers as the real call would, but publishes and records nothing: an "
                        + "acceptable message gets `200` with `\"dryRun\": true` instead of `202`.")
                .table(List.of("status", "when"), List.of(
                        List.of("202", "accepted: durable in the hub (on its submission topic, `acks=all`); the intake's "
                                + "transaction puts it on its canonical topic and in the recipient's inbox exactly "
                                + "once"),
                        List.of("200 `DUPLICATE`", "this `messageId` was accepted before; nothing is sent again"),
                        List.of("200 with `dryRun`", "a dry run of a message that would be accepted"),
                        List.of("400", "not JSON, or not a `HubMessage`; `errors` names every bad field"),
                        List.of("401", "no key or token, an unknown key, or a token that fails a check (`reason`)"),
                        List.of("403", "`sender` is not you (`SPOOFED_SENDER`), you are not a party to the case "
                                + "(`NOT_A_CASE_PARTY`), or you are suspended"),
                        List.of("413", "the body is over " + maxBodyBytes + " bytes"),
                        List.of("431", "the request's headers are too large or too many"),
                        List.of("422", "the message breaks a rule (a field over its bound included); `errors` names "
                                + "each field with its code"),
                        List.of("429", "over your request rate; wait as `Retry-After` says"),
                        List.of("503", "Kafka, the database or the registry is away: send the same message again after "
                                + "`Retry-After` seconds; nothing was recorded")))
                .paragraph("Problems are `application/problem+json` and never repeat a field's value.");
        norskHelsenett(doc);
        doc.heading(2, "Over Kafka")
                .paragraph("Your Kafka user is `" + id + "`: it may write `" + ingress + "`, read `" + inbox
                        + "`, and use the consumer group `" + PartnerConsumerGroups.inbox(id)
                        + "` or groups whose names start with `" + PartnerConsumerGroups.prefix(id)
                        + "` (with the dot); no other group.")
                .code("properties", "bootstrap.servers=" + bootstrapServers + "\n"
                        + "security.protocol=SASL_SSL\n"
                        + "sasl.mechanism=PLAIN\n"
                        + "sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required "
                        + "username=\"" + id + "\" password=\"<your password>\";\n"
                        + "# producer of " + ingress + "\n"
                        + "acks=all\n"
                        + "enable.idempotence=true\n"
                        + "key.serializer=org.apache.kafka.common.serialization.StringSerializer\n"
                        + "value.serializer=io.confluent.kafka.serializers.KafkaAvroSerializer\n"
                        + "schema.registry.url=" + registryUrl + "\n"
                        + "auto.register.schemas=false\n"
                        + "# consumer of " + inbox + "\n"
                        + "group.id=" + PartnerConsumerGroups.inbox(id) + "\n"
                        + "isolation.level=read_committed\n"
                        + "enable.auto.commit=false\n"
                        + "key.deserializer=org.apache.kafka.common.serialization.StringDeserializer\n"
                        + "value.deserializer=io.confluent.kafka.serializers.KafkaAvroDeserializer\n"
                        + "specific.avro.reader=true")
                .paragraph("Read your inbox with `isolation.level=read_committed`: the hub writes an inbox record in "
                        + "the same Kafka transaction that takes the message in, and a transaction that is aborted "
                        + "(an instance killed halfway, say) leaves records behind that `read_uncommitted` would hand "
                        + "you as messages that never were. Commit your offsets after you have stored a message.")
                .paragraph("A record the hub cannot take in (not Avro, an unknown schema, a rule broken, a `sender` "
                        + "that is not you) goes to the hub's dead letters with its reason; operators see it, and you "
                        + "get no answer over Kafka: check messages with a dry run over HTTP while you build.");
        return doc;
    }

    /** Where the partner stands on Norsk helsenett: its HER-ids, and how to send Dialogmelding. */
    private void norskHelsenett(SheetDocument doc) {
        doc.heading(2, "Over Norsk helsenett");
        if (nhn == null) {
            doc.paragraph("You have no HER-id on this hub. An operator gives you one (`PUT /api/v1/ops/partners/"
                    + partner.id() + "/nhn`); then your EPJ can send Dialogmelding 1.1 to the hub and, if you wish, "
                    + "receive your messages as Dialogmelding.");
            return;
        }
        doc.table(List.of("what", "value"), List.of(
                List.of("your HER-id (communication party)", "`" + nhn.herId() + "`"),
                List.of("your organisation's HER-id", nhn.organisationHerId() == null ? "any" : "`" + nhn.organisationHerId() + "`"),
                List.of("messages to you as Dialogmelding over Norsk helsenett", nhn.deliverOverNhn() ? "yes" : "no"),
                List.of("the hub's HER-id", hubHerId == null ? "none yet" : "`" + hubHerId + "`")))
                .paragraph("Send a Dialogmelding 1.1 (notat, forespørsel or svar) in a Hodemelding 1.2 with your "
                        + "HER-id as sender, over Norsk helsenett to the hub's HER-id or to `POST " + baseUrl
                        + "/api/v1/nhn/messages` (`Content-Type: application/xml`). The answer is an application "
                        + "receipt, AppRec 1.1: `OK`, or `Avvist` with the standard error codes (T01 unreadable, "
                        + "T02 against its schema, T10 not Dialogmelding 1.1, E10 no MsgId, E21 unknown receiver, "
                        + "E35 unknown case, X99 other: unknown sender HER-id, not a party, a hub rule). A first "
                        + "message of a conversation (no ConversationRef) opens a case and must name the patient's "
                        + "fødselsnummer or D-nummer; replies find their case by RefToConversation.");
    }

    /** The three example messages, dated today. */
    private final class Examples {

        private final Instant now;
        private final LocalDate today;
        private final String caseId;
        private final SyntheticIdentifiers ids = new SyntheticIdentifiers(partner.id().hashCode());

        Examples(Clock clock) {
            this.now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            this.today = LocalDate.ofInstant(now, HubZone.NORWAY);
            this.caseId = partner.id() + "-case-0001";
        }

        HubMessage referral() {
            boolean health = partner.sector() == Sector.HEALTH;
            return envelope().setPayload(Referral.newBuilder()
                    .setParticipantNationalId(ids.nationalId())
                    .setReferringTeam(health ? partner.id() : counterpart)
                    .setNavOffice(health ? counterpart : partner.id())
                    .setReferralDate(today)
                    .setResearchConsent(true)
                    .setJobSpecialistRef(null)
                    .setNote(null)
                    .build()).build();
        }

        HubMessage followUp() {
            return envelope().setPayload(FollowUp.newBuilder()
                    .setKind(FollowUpKind.EMPLOYER_CONTACT)
                    .setDate(today)
                    .setReason(null)
                    .setEmployerOrganisationNumber(ids.organisationNumber())
                    .setNavMeasureCode(null)
                    .setNote(null)
                    .build()).build();
        }

        HubMessage outcome() {
            return envelope().setPayload(Outcome.newBuilder()
                    .setKind(OutcomeKind.JOB_STARTED)
                    .setDate(today)
                    .setEmployerOrganisationNumber(ids.organisationNumber())
                    .setStyrkCode("5223")
                    .setHoursPerWeek(20.0)
                    .setHourlyWage(new BigDecimal("215.50"))
                    .setCompetitive(true)
                    .setPermanent(false)
                    .setWageSubsidy(false)
                    .setNote(null)
                    .build()).build();
        }

        private HubMessage.Builder envelope() {
            return HubMessage.newBuilder()
                    .setMessageId(UUID.randomUUID().toString())
                    .setCaseId(caseId)
                    .setSender(partner.id())
                    .setRecipient(counterpart)
                    .setOccurredAt(now)
                    .setRecordedAt(now)
                    .setCorrelationId(null)
                    .setSchemaVersion(1);
        }
    }
}
