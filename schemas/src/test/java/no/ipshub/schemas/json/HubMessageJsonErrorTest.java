package no.ipshub.schemas.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import no.ipshub.schemas.fixtures.HubMessages;
import no.ipshub.schemas.v1.FollowUp;
import no.ipshub.schemas.v1.FollowUpKind;
import no.ipshub.schemas.v1.HubMessage;
import no.ipshub.schemas.v1.Outcome;
import no.ipshub.schemas.v1.OutcomeKind;
import no.ipshub.schemas.v1.Referral;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class HubMessageJsonErrorTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final HubMessageJson json = new HubMessageJson();

    @Test
    void aMissingRequiredFieldIsNamed() {
        ObjectNode message = referral();
        message.remove("messageId");
        assertThat(errorsOf(message)).containsExactly(new FieldError("messageId", "is required"));
    }

    @Test
    void aNullRequiredFieldCountsAsMissing() {
        ObjectNode message = referral();
        message.putNull("sender");
        assertThat(errorsOf(message)).containsExactly(new FieldError("sender", "is required"));
    }

    @Test
    void aMissingRequiredPayloadFieldIsNamedWithItsPath() {
        ObjectNode message = referral();
        payload(message).remove("researchConsent");
        assertThat(errorsOf(message)).containsExactly(new FieldError("payload.researchConsent", "is required"));
    }

    /* A message with five different problems gets all five reported, in schema order. */
    @Test
    void everyBadFieldIsReportedAtOnce() {
        ObjectNode message = referral();
        message.remove("caseId");
        message.put("occurredAt", "yesterday");
        message.put("schemaVersion", "one");
        payload(message).put("referralDate", "2025-02-30");
        payload(message).put("researchConsent", "yes");
        assertThat(errorsOf(message)).extracting(FieldError::field).containsExactly("caseId", "occurredAt",
                "schemaVersion", "payload.referralDate", "payload.researchConsent");
    }

    @Test
    void aNumberWhereAStringBelongsIsAWrongType() {
        ObjectNode message = referral();
        message.put("recipient", 42);
        assertThat(errorsOf(message)).containsExactly(new FieldError("recipient", "must be a string"));
    }

    @Test
    void aStringWhereABooleanBelongsIsAWrongType() {
        ObjectNode message = referral();
        payload(message).put("researchConsent", "true");
        assertThat(errorsOf(message)).containsExactly(new FieldError("payload.researchConsent", "must be true or false"));
    }

    @Test
    void aFractionalSchemaVersionIsAWrongType() {
        ObjectNode message = referral();
        message.put("schemaVersion", 1.5);
        assertThat(errorsOf(message)).extracting(FieldError::field).containsExactly("schemaVersion");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-02-30", "03.03.2025", "2025-3-3", "2025-03-03T00:00:00Z", ""})
    void aDateThatIsNotAnIsoCalendarDateIsNamed(String date) {
        ObjectNode message = referral();
        payload(message).put("referralDate", date);
        assertThat(errorsOf(message)).containsExactly(
                new FieldError("payload.referralDate", "must be an ISO-8601 date (yyyy-MM-dd)"));
    }

    @Test
    void aDateGivenAsANumberIsNamed() {
        ObjectNode message = referral();
        payload(message).put("referralDate", 20150);
        assertThat(errorsOf(message)).extracting(FieldError::field).containsExactly("payload.referralDate");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-03-03T09:00:00", "2025-03-03", "1741000000000", "2025-03-03 09:00:00Z"})
    void anInstantWithoutATimeZoneOrInAnotherFormatIsNamed(String instant) {
        ObjectNode message = referral();
        message.put("recordedAt", instant);
        assertThat(errorsOf(message)).extracting(FieldError::field).containsExactly("recordedAt");
    }

    @Test
    void anInstantWithAnOffsetIsReadAsTheSameMoment() {
        ObjectNode message = referral();
        message.put("occurredAt", "2025-03-03T10:00:00+01:00");
        assertThat(json.fromTree(message).getOccurredAt()).isEqualTo(Instant.parse("2025-03-03T09:00:00Z"));
    }

    @Test
    void anInstantIsCutToMillisecondsAsTheAvroFieldKeepsThem() {
        ObjectNode message = referral();
        message.put("occurredAt", "2025-03-03T09:00:00.123456789Z");
        assertThat(json.fromTree(message).getOccurredAt()).isEqualTo(Instant.parse("2025-03-03T09:00:00.123Z"));
    }

    @Test
    void anUnknownEnumSymbolIsNamedWithTheSymbolsAllowed() {
        ObjectNode message = followUp();
        payload(message).put("kind", "COFFEE_MEETING");
        assertThat(errorsOf(message)).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("payload.kind");
            assertThat(error.message()).startsWith("must be one of REFERRAL_ACCEPTED, REFERRAL_REJECTED");
        });
    }

    @Test
    void anEnumSymbolInLowerCaseIsUnknown() {
        ObjectNode message = followUp();
        payload(message).put("kind", "employer_contact");
        assertThat(errorsOf(message)).extracting(FieldError::field).containsExactly("payload.kind");
    }

    @Test
    void anUnknownPayloadTypeIsNamed() {
        ObjectNode message = referral();
        payload(message).put("type", "invoice");
        assertThat(errorsOf(message)).containsExactly(
                new FieldError("payload.type", "must be one of referral, followUp, outcome"));
    }

    @Test
    void aPayloadWithoutATypeIsNamed() {
        ObjectNode message = referral();
        payload(message).remove("type");
        assertThat(errorsOf(message)).containsExactly(new FieldError("payload.type", "is required"));
    }

    @Test
    void aPayloadThatIsNotAnObjectIsNamed() {
        ObjectNode message = referral();
        message.put("payload", "referral");
        assertThat(errorsOf(message)).containsExactly(new FieldError("payload", "must be an object"));
    }

    @Test
    void aMissingPayloadIsNamed() {
        ObjectNode message = referral();
        message.remove("payload");
        assertThat(errorsOf(message)).containsExactly(new FieldError("payload", "is required"));
    }

    @Test
    void aWageWithMoreThanTwoDecimalsIsNamed() {
        ObjectNode message = jobOutcome();
        payload(message).put("hourlyWage", new BigDecimal("215.505"));
        assertThat(errorsOf(message)).extracting(FieldError::field).containsExactly("payload.hourlyWage");
    }

    @Test
    void aWageTooLargeForNineDigitsIsNamed() {
        ObjectNode message = jobOutcome();
        payload(message).put("hourlyWage", new BigDecimal("12345678.00"));
        assertThat(errorsOf(message)).extracting(FieldError::field).containsExactly("payload.hourlyWage");
    }

    @Test
    void aWageGivenAsAStringIsNamed() {
        ObjectNode message = jobOutcome();
        payload(message).put("hourlyWage", "215.50");
        assertThat(errorsOf(message)).extracting(FieldError::field).containsExactly("payload.hourlyWage");
    }

    @Test
    void aWholeNumberWageGetsTwoDecimals() {
        ObjectNode message = jobOutcome();
        payload(message).put("hourlyWage", 200);
        assertThat(((Outcome) json.fromTree(message).getPayload()).getHourlyWage())
                .hasToString("200.00");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"messageId\": ", "{\"messageId\": \"a\",}", "not json", "{} {}", "{'a': 1}"})
    void brokenJsonIsASingleErrorForTheWholeDocument(String text) {
        assertThat(errorsOf(text)).singleElement().extracting(FieldError::field).isEqualTo("$");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "\"a string\"", "42", "null", "", "   "})
    void aDocumentThatIsNotAnObjectIsASingleErrorForTheWholeDocument(String text) {
        assertThat(errorsOf(text)).containsExactly(new FieldError("$", "must be a JSON object"));
    }

    @Test
    void aRepeatedPropertyIsRejectedRatherThanSilentlyOverwritten() {
        String text = "{\"sender\": \"haukeland-tsb\", \"sender\": \"nav-bergenhus\"}";
        assertThat(errorsOf(text)).singleElement().extracting(FieldError::message).asString()
                .startsWith("repeats a property");
    }

    @Test
    void unknownPropertiesAreIgnored() {
        ObjectNode message = referral();
        message.put("priority", "high");
        payload(message).put("favouriteColour", "green");
        assertThat(json.fromTree(message).getPayload()).isInstanceOf(Referral.class);
    }

    @Test
    void leftOutOptionalFieldsAreNull() {
        ObjectNode message = followUp();
        payload(message).remove(List.of("reason", "employerOrganisationNumber", "navMeasureCode", "note"));
        message.remove("correlationId");
        HubMessage read = json.fromTree(message);
        assertThat(read.getCorrelationId() == null && ((FollowUp) read.getPayload()).getNote() == null).isTrue();
    }

    @Test
    void aLeftOutSchemaVersionDefaultsToOne() {
        ObjectNode message = referral();
        message.remove("schemaVersion");
        assertThat(json.fromTree(message).getSchemaVersion()).isEqualTo(1);
    }

    @Test
    void bytesAreReadAsUtf8() {
        HubMessage message = HubMessages.referral().referral(r -> r.setNote("Bjørnstjerne på Ålesund")).build();
        assertThat(json.fromJson(json.toJson(message).getBytes(StandardCharsets.UTF_8))).isEqualTo(message);
    }

    /* The participant's national id is the value most at risk of leaking through an error message. */
    @Test
    void errorsNeverRepeatTheBadValue() {
        ObjectNode message = referral();
        String nationalId = HubMessages.PARTICIPANT_NATIONAL_ID;
        payload(message).put("participantNationalId", Long.parseLong(nationalId));
        payload(message).put("referralDate", nationalId);
        message.put("occurredAt", nationalId);
        HubMessageJsonException exception = catchThrowableOfType(HubMessageJsonException.class,
                () -> json.fromTree(message));
        assertThat(exception.getMessage() + exception.errors()).contains("payload.participantNationalId")
                .doesNotContain(nationalId);
    }

    @Test
    void syntaxErrorsNeverRepeatTheInput() {
        String nationalId = HubMessages.PARTICIPANT_NATIONAL_ID;
        HubMessageJsonException exception = catchThrowableOfType(HubMessageJsonException.class,
                () -> json.fromJson("{\"participantNationalId\": " + nationalId + "x}"));
        assertThat(exception.getMessage()).doesNotContain(nationalId);
    }

    private List<FieldError> errorsOf(ObjectNode message) {
        return catchThrowableOfType(HubMessageJsonException.class, () -> json.fromTree(message)).errors();
    }

    private List<FieldError> errorsOf(String text) {
        return catchThrowableOfType(HubMessageJsonException.class, () -> json.fromJson(text)).errors();
    }

    private ObjectNode referral() {
        return (ObjectNode) MAPPER.readTree(json.toJson(HubMessages.referral().build()));
    }

    private ObjectNode followUp() {
        return (ObjectNode) MAPPER.readTree(json.toJson(
                HubMessages.followUp(FollowUpKind.EMPLOYER_CONTACT).build()));
    }

    private ObjectNode jobOutcome() {
        return (ObjectNode) MAPPER.readTree(json.toJson(HubMessages.outcome(OutcomeKind.JOB_STARTED).build()));
    }

    private static ObjectNode payload(ObjectNode message) {
        return (ObjectNode) message.get("payload");
    }
}
