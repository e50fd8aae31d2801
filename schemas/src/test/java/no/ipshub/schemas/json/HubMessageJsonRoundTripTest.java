package no.ipshub.schemas.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import no.ipshub.schemas.fixtures.HubMessages;
import no.ipshub.schemas.v1.ClosureReason;
import no.ipshub.schemas.v1.FollowUpKind;
import no.ipshub.schemas.v1.HubMessage;
import no.ipshub.schemas.v1.JobEndReason;
import no.ipshub.schemas.v1.OutcomeKind;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

class HubMessageJsonRoundTripTest {

    private final HubMessageJson json = new HubMessageJson();

    /** Each payload kind with every optional field set, and with every optional field null. */
    static Stream<Arguments> messages() {
        return Stream.of(
                Arguments.of("referral, all optional fields set", HubMessages.referral()
                        .correlationId("corr-1")
                        .referral(r -> r.setJobSpecialistRef("js-7").setNote("Prefers outdoor work; «æøå» \"quoted\"")
                                .setResearchProjects(List.of("worklife", "p327205")))
                        .build()),
                Arguments.of("referral, optional fields null", HubMessages.referral()
                        .referral(r -> r.setJobSpecialistRef(null).setNote(null))
                        .build()),
                Arguments.of("follow-up, all optional fields set", HubMessages.followUp(FollowUpKind.EMPLOYER_CONTACT)
                        .correlationId("corr-2")
                        .followUp(f -> f.setReason("OUT_OF_AREA").setNavMeasureCode("INDOPPFAG").setNote("Met the owner")
                                .setResearchProjects(List.of("ipsnor")).setJobSpecialistRef("js-9")
                                .setMeasureEndDate(LocalDate.of(2025, 12, 31)))
                        .build()),
                Arguments.of("follow-up, optional fields null", HubMessages.followUp(FollowUpKind.TREATMENT_TEAM_MEETING)
                        .build()),
                Arguments.of("outcome, all optional fields set", HubMessages.outcome(OutcomeKind.JOB_STARTED)
                        .correlationId("corr-3")
                        .outcome(o -> o.setNote("Starts Monday").setHoursPerWeek(37.5)
                                .setHourlyWage(new BigDecimal("1234567.89")).setPermanent(true).setWageSubsidy(true)
                                .setClosureReason(ClosureReason.MOVED).setJobEndReason(JobEndReason.RESIGNED))
                        .build()),
                Arguments.of("outcome, optional fields null", HubMessages.outcome(OutcomeKind.EPISODE_CLOSED).build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void aMessageReadBackFromItsJsonEqualsTheOriginal(String scenario, HubMessage message) {
        assertThat(json.fromJson(json.toJson(message))).isEqualTo(message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void aMessageReadFromJsonSurvivesAvroBinaryEncoding(String scenario, HubMessage message) {
        HubMessage fromJson = json.fromJson(json.toJson(message).getBytes(StandardCharsets.UTF_8));
        assertThat(avroRoundTrip(fromJson)).isEqualTo(message);
    }

    @Test
    void thePayloadCarriesItsTypeBesideItsFields() {
        JsonNode tree = json.toTree(HubMessages.followUp(FollowUpKind.REFERRAL_REJECTED).build());
        assertThat(tree.get("payload").get("type").stringValue() + " " + tree.get("payload").get("kind").stringValue())
                .isEqualTo("followUp REFERRAL_REJECTED");
    }

    @Test
    void timestampsAreIso8601Instants() {
        JsonNode tree = json.toTree(HubMessages.referral().occurredAt(Instant.parse("2025-03-03T09:00:00.120Z")).build());
        assertThat(tree.get("occurredAt").stringValue()).isEqualTo("2025-03-03T09:00:00.120Z");
    }

    @Test
    void datesAreIso8601Dates() {
        JsonNode tree = json.toTree(HubMessages.referral().build());
        assertThat(tree.get("payload").get("referralDate").stringValue()).isEqualTo("2025-03-03");
    }

    @Test
    void theHourlyWageIsAPlainJsonNumberWithItsTwoDecimals() {
        String text = json.toJson(HubMessages.outcome(OutcomeKind.JOB_STARTED).build());
        assertThat(text).contains("\"hourlyWage\":215.50");
    }

    @Test
    void unsetOptionalFieldsAreWrittenAsNull() {
        JsonNode tree = json.toTree(HubMessages.outcome(OutcomeKind.EPISODE_CLOSED).build());
        assertThat(tree.get("payload").get("hourlyWage").isNull()).isTrue();
    }

    @Test
    void researchProjectsAreAJsonArrayOfCodes() {
        JsonNode tree = json.toTree(HubMessages.followUp(FollowUpKind.CONSENT_WITHDRAWN)
                .followUp(f -> f.setResearchProjects(List.of("ipsnor", "worklife"))).build());
        assertThat(tree.get("payload").get("researchProjects").toString()).isEqualTo("[\"ipsnor\",\"worklife\"]");
    }

    @Test
    void aListOfMoreThanThirtyTwoItemsIsRefusedNamingTheField() {
        String many = "[" + String.join(",", java.util.Collections.nCopies(33, "\"p\"")) + "]";
        String text = json.toJson(HubMessages.followUp(FollowUpKind.CONSENT_WITHDRAWN).build())
                .replace("\"researchProjects\":null", "\"researchProjects\":" + many);
        assertThatThrownBy(() -> json.fromJson(text)).isInstanceOfSatisfying(HubMessageJsonException.class,
                e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("payload.researchProjects"));
    }

    @Test
    void theEnvelopeHasTheAvroFieldNamesInSchemaOrder() {
        JsonNode tree = json.toTree(HubMessages.referral().build());
        assertThat(tree.propertyNames()).containsExactly("messageId", "caseId", "sender", "recipient", "occurredAt",
                "recordedAt", "correlationId", "schemaVersion", "payload");
    }

    private static HubMessage avroRoundTrip(HubMessage message) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
            new SpecificDatumWriter<>(HubMessage.class).write(message, encoder);
            encoder.flush();
            BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(out.toByteArray(), null);
            return new SpecificDatumReader<>(HubMessage.class).read(null, decoder);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
