package no.ipshub.schemas.bounds;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import no.ipshub.schemas.v1.ClosureReason;
import no.ipshub.schemas.v1.FollowUpKind;
import no.ipshub.schemas.v1.JobEndReason;
import no.ipshub.schemas.v1.OutcomeKind;

/**
 * Every string field of {@code HubMessage} and its payloads with the most it may hold: the one list that the hub's
 * validation enforces, and that the contract sheets and the schemas README show. A field added to the contracts
 * needs its bound here (a test walks the schemas to see that each has one).
 *
 * <p>Identifiers have their own length (a UUID, 11 or 9 digits); a partner id is as long as the partner directory
 * allows; references and codes fit on a line; notes leave room for a few paragraphs. Every bound keeps a message
 * far below what any part of the hub can carry (Kafka records, a modified-UTF-8 string of 65,535 bytes).
 */
public final class ContractBounds {

    /** The longest partner id the partner directory accepts. */
    public static final int PARTNER_ID_MAX_LENGTH = 63;

    private static final String ENVELOPE = "HubMessage";
    private static final String REFERRAL = "Referral";
    private static final String FOLLOW_UP = "FollowUp";
    private static final String OUTCOME = "Outcome";

    public static final FieldBound MESSAGE_ID = envelope("messageId", 36, Characters.UUID, "");
    public static final FieldBound CASE_ID = envelope("caseId", 100, Characters.CASE_ID,
            "not a national identity number");
    public static final FieldBound SENDER = envelope("sender", PARTNER_ID_MAX_LENGTH, Characters.PARTNER_ID,
            "the partner the message came from");
    public static final FieldBound RECIPIENT = envelope("recipient", PARTNER_ID_MAX_LENGTH, Characters.PARTNER_ID,
            "a partner of the other sector");
    public static final FieldBound CORRELATION_ID = envelope("correlationId", 100, Characters.LINE, "");
    public static final FieldBound PAYLOAD_TYPE = new FieldBound("payload.type", List.of(),
            longest(Stream.of("referral", "followUp", "outcome")), Characters.SYMBOL,
            "`referral`, `followUp` or `outcome`");
    public static final FieldBound PARTICIPANT_NATIONAL_ID = payload("participantNationalId", 11, Characters.DIGITS,
            "a fødselsnummer or D-nummer with valid control digits", REFERRAL);
    public static final FieldBound REFERRING_TEAM = payload("referringTeam", PARTNER_ID_MAX_LENGTH,
            Characters.PARTNER_ID, "a partner of sector HEALTH", REFERRAL);
    public static final FieldBound NAV_OFFICE = payload("navOffice", PARTNER_ID_MAX_LENGTH, Characters.PARTNER_ID,
            "a partner of sector NAV", REFERRAL);
    public static final FieldBound JOB_SPECIALIST_REF = payload("jobSpecialistRef", 100, Characters.LINE, "",
            REFERRAL, FOLLOW_UP);
    public static final FieldBound KIND = payload("kind",
            longest(Stream.concat(Arrays.stream(FollowUpKind.values()), Arrays.stream(OutcomeKind.values()))
                    .map(Enum::name)),
            Characters.SYMBOL, "a `FollowUpKind` or `OutcomeKind` symbol", FOLLOW_UP, OUTCOME);
    public static final FieldBound REASON = payload("reason", 64, Characters.UPPER_CASE_CODE,
            "such as `NOT_MOTIVATED`", FOLLOW_UP);
    public static final FieldBound EMPLOYER_ORGANISATION_NUMBER = payload("employerOrganisationNumber", 9,
            Characters.DIGITS, "an organisation number with a valid control digit", FOLLOW_UP, OUTCOME);
    public static final FieldBound NAV_MEASURE_CODE = payload("navMeasureCode", 32, Characters.CODE, "",
            FOLLOW_UP);
    public static final FieldBound STYRK_CODE = payload("styrkCode", 4, Characters.DIGITS, "a STYRK-08 code",
            OUTCOME);
    public static final FieldBound CLOSURE_REASON = payload("closureReason", longest(symbols(ClosureReason.values())),
            Characters.SYMBOL, "a `ClosureReason` symbol", OUTCOME);
    public static final FieldBound JOB_END_REASON = payload("jobEndReason", longest(symbols(JobEndReason.values())),
            Characters.SYMBOL, "a `JobEndReason` symbol", OUTCOME);
    public static final FieldBound NOTE = payload("note", 4000, Characters.TEXT, "", REFERRAL, FOLLOW_UP, OUTCOME);

    private static final List<FieldBound> ALL = List.of(MESSAGE_ID, CASE_ID, SENDER, RECIPIENT, CORRELATION_ID,
            PAYLOAD_TYPE, PARTICIPANT_NATIONAL_ID, REFERRING_TEAM, NAV_OFFICE, JOB_SPECIALIST_REF, KIND, REASON,
            EMPLOYER_ORGANISATION_NUMBER, NAV_MEASURE_CODE, STYRK_CODE, CLOSURE_REASON, JOB_END_REASON, NOTE);
    private static final Map<String, FieldBound> BY_FIELD = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(FieldBound::field, Function.identity()));

    private ContractBounds() {
    }

    /** Every bound, envelope first, in the order of the contracts' fields. */
    public static List<FieldBound> all() {
        return ALL;
    }

    /** The bound of the field at {@code path} in the JSON form, e.g. {@code payload.note}. */
    public static Optional<FieldBound> of(String path) {
        return Optional.ofNullable(BY_FIELD.get(path));
    }

    /** True when {@code id} may be a partner id: the rule of the partner directory and of every partner field. */
    public static boolean isPartnerId(String id) {
        return SENDER.allows(id);
    }

    /** The bounds as a table for people (contract sheets, README): the header, then one row per field. */
    public static List<List<String>> table() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("field", "in", "at most (characters)", "characters"));
        for (FieldBound bound : ALL) {
            String records = bound.records().isEmpty() ? "JSON form"
                    : bound.records().stream().map(r -> "`" + r + "`").collect(Collectors.joining(", "));
            rows.add(List.of("`" + bound.field() + "`", records, Integer.toString(bound.maxLength()),
                    bound.describe()));
        }
        return List.copyOf(rows);
    }

    private static FieldBound envelope(String field, int maxLength, Characters characters, String rule) {
        return new FieldBound(field, List.of(ENVELOPE), maxLength, characters, rule);
    }

    private static FieldBound payload(String field, int maxLength, Characters characters, String rule,
            String... records) {
        return new FieldBound("payload." + field, List.of(records), maxLength, characters, rule);
    }

    private static Stream<String> symbols(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name);
    }

    private static int longest(Stream<String> symbols) {
        return symbols.mapToInt(String::length).max().orElseThrow();
    }
}
