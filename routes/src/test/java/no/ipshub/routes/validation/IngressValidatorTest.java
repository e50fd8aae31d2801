package no.ipshub.routes.validation;

import static no.ipshub.partners.support.TestPartners.NAV_OFFICE;
import static no.ipshub.partners.support.TestPartners.OTHER_NAV_OFFICE;
import static no.ipshub.partners.support.TestPartners.OTHER_TEAM;
import static no.ipshub.partners.support.TestPartners.TEAM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import no.ipshub.partners.Partner;
import no.ipshub.partners.PartnerStatus;
import no.ipshub.partners.YamlPartnerDirectory;
import no.ipshub.partners.support.TestPartners;
import no.ipshub.schemas.fixtures.HubMessages;
import no.ipshub.schemas.identifiers.SyntheticIdentifiers;
import no.ipshub.schemas.v1.ClosureReason;
import no.ipshub.schemas.v1.FollowUpKind;
import no.ipshub.schemas.v1.HubMessage;
import no.ipshub.schemas.v1.OutcomeKind;
import org.junit.jupiter.api.Test;

class IngressValidatorTest {

    private static final Instant NOW = Instant.parse("2025-06-02T10:00:00Z");
    private static final CaseParties TEAM_AND_NAV_SHARE_THE_CASE = (caseId, a, b) ->
            caseId.equals(HubMessages.CASE_ID) && Set.of(a, b).equals(Set.of(TEAM, NAV_OFFICE));

    private final IngressValidator validator = new IngressValidator(TestPartners.directory(),
            Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(5));

    private List<Violation> validate(HubMessage message) {
        return validator.validate(message, message.getSender(), TEAM_AND_NAV_SHARE_THE_CASE);
    }

    @Test
    void referralNamingFurtherResearchProjectsIsAccepted() {
        HubMessage message = HubMessages.referral().referral(r -> r.setResearchProjects(List.of("worklife", "p327205")))
                .build();

        assertThat(validate(message)).isEmpty();
    }

    @Test
    void researchProjectThatIsNotACodeIsRejected() {
        HubMessage message = HubMessages.followUp(FollowUpKind.CONSENT_WITHDRAWN)
                .followUp(f -> f.setResearchProjects(List.of("Work Life!"))).build();

        assertThat(validate(message)).extracting(Violation::field, Violation::code)
                .containsExactly(tuple("payload.researchProjects", ViolationCode.INVALID_FORMAT));
    }

    @Test
    void researchProjectsOnAnotherFollowUpKindAreRejected() {
        HubMessage message = HubMessages.followUp(FollowUpKind.EMPLOYER_CONTACT)
                .followUp(f -> f.setResearchProjects(List.of("ipsnor"))).build();

        assertThat(validate(message)).extracting(Violation::field).containsExactly("payload.researchProjects");
    }

    @Test
    void handoverWithoutTheNewJobSpecialistIsRejected() {
        HubMessage message = HubMessages.followUp(FollowUpKind.JOB_SPECIALIST_CHANGED)
                .followUp(f -> f.setJobSpecialistRef(null)).build();

        assertThat(validate(message)).extracting(Violation::field, Violation::code)
                .containsExactly(tuple("payload.jobSpecialistRef", ViolationCode.REQUIRED));
    }

    @Test
    void measureEndingBeforeItStartsIsRejected() {
        HubMessage message = HubMessages.followUp(FollowUpKind.NAV_MEASURE_CHANGED)
                .followUp(f -> f.setMeasureEndDate(f.getDate().minusDays(1))).build();

        assertThat(validate(message)).extracting(Violation::field).containsExactly("payload.measureEndDate");
    }

    @Test
    void closureReasonOnAJobOutcomeIsRejected() {
        HubMessage message = HubMessages.outcome(OutcomeKind.JOB_STARTED)
                .outcome(o -> o.setClosureReason(ClosureReason.MOVED)).build();

        assertThat(validate(message)).extracting(Violation::field).containsExactly("payload.closureReason");
    }

    @Test
    void validReferralHasNoViolations() {
        assertThat(validate(HubMessages.referral().build())).isEmpty();
    }

    @Test
    void referralWithInvalidFodselsnummerIsRejectedWithFieldName() {
        HubMessage message = HubMessages.referral().referral(r -> r.setParticipantNationalId("17059012345")).build();

        assertThat(validate(message)).extracting(Violation::field, Violation::code)
                .containsExactly(tuple("payload.participantNationalId", ViolationCode.INVALID_CHECKSUM));
    }

    @Test
    void referralOfAParticipantWithDNummerIsAccepted() {
        String dNumber = new SyntheticIdentifiers(7L).dNumber(LocalDate.of(1985, 1, 30));
        HubMessage message = HubMessages.referral().referral(r -> r.setParticipantNationalId(dNumber)).build();

        assertThat(validate(message)).isEmpty();
    }

    @Test
    void violationMessagesNeverContainTheFieldValue() {
        String badId = "17059012345";
        HubMessage message = HubMessages.referral().referral(r -> r.setParticipantNationalId(badId)).build();

        assertThat(validate(message)).allSatisfy(v -> assertThat(v.message()).doesNotContain(badId));
    }

    @Test
    void messageWhoseSenderIsNotThePartnerItCameFromIsSpoofed() {
        HubMessage message = HubMessages.referral().build();

        assertThat(validator.validate(message, OTHER_TEAM, TEAM_AND_NAV_SHARE_THE_CASE))
                .extracting(Violation::field, Violation::code)
                .containsExactly(tuple("sender", ViolationCode.SPOOFED_SENDER));
    }

    @Test
    void messageToAnUnknownRecipientNamesTheRecipient() {
        HubMessage message = HubMessages.referral().recipient("nav-atlantis")
                .referral(r -> r.setNavOffice(NAV_OFFICE)).build();

        assertThat(validate(message)).extracting(Violation::field, Violation::code)
                .contains(tuple("recipient", ViolationCode.UNKNOWN_PARTNER));
    }

    @Test
    void messageToASuspendedPartnerIsRejectedSayingSo() {
        List<Partner> partners = TestPartners.all().stream()
                .map(p -> p.id().equals(NAV_OFFICE) ? p.withStatus(PartnerStatus.SUSPENDED) : p).toList();
        IngressValidator suspended = new IngressValidator(new YamlPartnerDirectory(partners),
                Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(5));
        HubMessage message = HubMessages.followUp(FollowUpKind.EMPLOYER_CONTACT).build();

        assertThat(suspended.validate(message, message.getSender(), TEAM_AND_NAV_SHARE_THE_CASE))
                .extracting(Violation::field, Violation::code)
                .containsExactly(tuple("recipient", ViolationCode.PARTNER_SUSPENDED));
    }

    @Test
    void dialogueNoteWithoutItsTextIsRejectedAsRequired() {
        HubMessage message = HubMessages.followUp(FollowUpKind.DIALOGUE_NOTE).schemaVersion(3).build();

        assertThat(validate(message)).extracting(Violation::field, Violation::code)
                .containsExactly(tuple("payload.note", ViolationCode.REQUIRED));
    }

    @Test
    void dialogueNoteWithItsTextIsValid() {
        HubMessage message = HubMessages.followUp(FollowUpKind.DIALOGUE_NOTE).schemaVersion(3)
                .followUp(f -> f.setNote("Notat: samtale om arbeidstrening")).build();

        assertThat(validate(message)).isEmpty();
    }

    @Test
    void messageToAPartnerOfTheSameSectorIsRejected() {
        HubMessage message = HubMessages.followUp(FollowUpKind.TREATMENT_TEAM_MEETING).recipient(OTHER_TEAM).build();

        assertThat(validate(message)).extracting(Violation::field, Violation::code)
                .contains(tuple("recipient", ViolationCode.WRONG_SECTOR));
    }

    @Test
    void referralWhoseNavOfficeIsNotTheRecipientIsAMismatch() {
        HubMessage message = HubMessages.referral().referral(r -> r.setNavOffice(OTHER_NAV_OFFICE)).build();

        assertThat(validate(message)).extracting(Violation::field, Violation::code)
                .containsExactly(tuple("payload", ViolationCode.CASE_PARTIES_MISMATCH));
    }

    @Test
    void referralSentByTheNavOfficeToTheTeamIsAccepted() {
        HubMessage message = HubMessages.referral().sender(NAV_OFFICE).recipient(TEAM)
                .referral(r -> r.setReferringTeam(TEAM).setNavOffice(NAV_OFFICE)).build();

        assertThat(validate(message)).isEmpty();
    }

    @Test
    void referralDatedTomorrowIsInTheFuture() {
        HubMessage message = HubMessages.referral().referral(r -> r.setReferralDate(LocalDate.of(2025, 6, 3))).build();

        assertThat(validate(message)).extracting(Violation::field, Violation::code)
                .containsExactly(tuple("payload.referralDate", ViolationCode.FUTURE_DATE));
    }

    @Test
    void occurredAtAnHourAheadIsInTheFuture() {
        HubMessage message = HubMessages.referral().occurredAt(NOW.plus(Duration.ofHours(1))).build();

        assertThat(validate(message)).extracting(Violation::field).containsExactly("occurredAt");
    }

    @Test
    void recordedAtWithinTheClockSkewIsAccepted() {
        HubMessage message = HubMessages.referral().recordedAt(NOW.plus(Duration.ofMinutes(4))).build();

        assertThat(validate(message)).isEmpty();
    }

    @Test
    void messageIdThatIsNotAUuidIsRejected() {
        HubMessage message = HubMessages.referral().messageId("msg-42").build();

        assertThat(validate(message)).extracting(Violation::field, Violation::code)
                .containsExactly(tuple("messageId", ViolationCode.INVALID_FORMAT));
    }

    @Test
    void caseIdThatIsANationalIdIsRejected() {
        HubMessage message = HubMessages.referral().caseId(HubMessages.PARTICIPANT_NATIONAL_ID).build();

        assertThat(validate(message)).extracting(Violation::field, Violation::code)
                .containsExactly(tuple("caseId", ViolationCode.INVALID_FORMAT));
    }

    @Test
    void referralRejectionWithoutReasonNamesTheReasonField() {
        HubMessage message = HubMessages.followUp(FollowUpKind.REFERRAL_REJECTED).sender(NAV_OFFICE).recipient(TEAM)
                .followUp(f -> f.setReason(null)).build();

        assertThat(validate(message)).extracting(Violation::field, Violation::code)
                .containsExactly(tuple("payload.reason", ViolationCode.REQUIRED));
    }

    @Test
    void rejectionReasonInFreeTextIsRejected() {
        HubMessage message = HubMessages.followUp(FollowUpKind.REFERRAL_REJECTED)
                .followUp(f -> f.setReason("Ola did not want to")).build();

        assertThat(validate(message)).extracting(Violation::field, Violation::code)
                .containsExactly(tuple("payload.reason", ViolationCode.INVALID_FORMAT));
    }

    @Test
    void employerContactWithoutEmployerIsRejected() {
        HubMessage message = HubMessages.followUp(FollowUpKind.EMPLOYER_CONTACT)
                .followUp(f -> f.setEmployerOrganisationNumber(null)).build();

        assertThat(validate(message)).extracting(Violation::field, Violation::code)
                .containsExactly(tuple("payload.employerOrganisationNumber", ViolationCode.REQUIRED));
    }

    @Test
    void employerContactWithWrongControlDigitIsRejected() {
        HubMessage message = HubMessages.followUp(FollowUpKind.EMPLOYER_CONTACT)
                .followUp(f -> f.setEmployerOrganisationNumber("983974725")).build();

        assertThat(validate(message)).extracting(Violation::field, Violation::code)
                .containsExactly(tuple("payload.employerOrganisationNumber", ViolationCode.INVALID_CHECKSUM));
    }

    @Test
    void navMeasureChangeWithoutMeasureCodeIsRejected() {
        HubMessage message = HubMessages.followUp(FollowUpKind.NAV_MEASURE_CHANGED)
                .followUp(f -> f.setNavMeasureCode(null)).build();

        assertThat(validate(message)).extracting(Violation::field).containsExactly("payload.navMeasureCode");
    }

    @Test
    void followUpOfUnknownKindIsUnsupported() {
        HubMessage message = HubMessages.followUp(FollowUpKind.UNKNOWN).build();

        assertThat(validate(message)).extracting(Violation::field, Violation::code)
                .containsExactly(tuple("payload.kind", ViolationCode.UNSUPPORTED_KIND));
    }

    @Test
    void followUpBetweenPartnersThatDoNotShareTheCaseIsNotACaseParty() {
        HubMessage message = HubMessages.followUp(FollowUpKind.NAV_COLLABORATION_MEETING)
                .recipient(OTHER_NAV_OFFICE).build();

        assertThat(validate(message)).extracting(Violation::field, Violation::code)
                .containsExactly(tuple("caseId", ViolationCode.NOT_A_CASE_PARTY));
    }

    @Test
    void followUpFromTheNavOfficeOfTheCaseToItsTeamIsAccepted() {
        HubMessage message = HubMessages.followUp(FollowUpKind.REFERRAL_ACCEPTED).sender(NAV_OFFICE).recipient(TEAM)
                .build();

        assertThat(validate(message)).isEmpty();
    }

    @Test
    void jobStartedWithoutJobFieldsNamesEveryMissingField() {
        HubMessage message = HubMessages.outcome(OutcomeKind.JOB_STARTED).outcome(o -> o
                .setEmployerOrganisationNumber(null).setHoursPerWeek(null).setCompetitive(null)
                .setPermanent(null).setWageSubsidy(null)).build();

        assertThat(validate(message)).extracting(Violation::field).containsExactlyInAnyOrder(
                "payload.employerOrganisationNumber", "payload.hoursPerWeek", "payload.competitive",
                "payload.permanent", "payload.wageSubsidy");
    }

    @Test
    void jobStartedWithMalformedStyrkCodeIsRejected() {
        HubMessage message = HubMessages.outcome(OutcomeKind.JOB_STARTED).outcome(o -> o.setStyrkCode("52")).build();

        assertThat(validate(message)).extracting(Violation::field, Violation::code)
                .containsExactly(tuple("payload.styrkCode", ViolationCode.INVALID_FORMAT));
    }

    @Test
    void jobOfEightyHoursAWeekIsOutOfRange() {
        HubMessage message = HubMessages.outcome(OutcomeKind.JOB_STARTED).outcome(o -> o.setHoursPerWeek(80.0)).build();

        assertThat(validate(message)).extracting(Violation::field, Violation::code)
                .containsExactly(tuple("payload.hoursPerWeek", ViolationCode.OUT_OF_RANGE));
    }

    /* The JSON form refuses such a wage on reading; an Avro record from Kafka may carry any number of digits. */
    @Test
    void jobWageWithMoreThanSevenDigitsBeforeThePointIsOutOfRange() {
        HubMessage message = HubMessages.outcome(OutcomeKind.JOB_STARTED)
                .outcome(o -> o.setHourlyWage(new java.math.BigDecimal("1" + "0".repeat(40) + ".00"))).build();

        assertThat(validate(message)).extracting(Violation::field, Violation::code)
                .containsExactly(tuple("payload.hourlyWage", ViolationCode.OUT_OF_RANGE));
    }

    @Test
    void closedEpisodeWithAnEmployerIsRejected() {
        HubMessage message = HubMessages.outcome(OutcomeKind.EPISODE_CLOSED)
                .outcome(o -> o.setEmployerOrganisationNumber(HubMessages.EMPLOYER_ORGANISATION_NUMBER)).build();

        assertThat(validate(message)).extracting(Violation::field, Violation::code)
                .containsExactly(tuple("payload.employerOrganisationNumber", ViolationCode.NOT_ALLOWED));
    }

    @Test
    void everyViolationIsReportedNotJustTheFirst() {
        HubMessage message = HubMessages.referral().messageId("not-a-uuid")
                .referral(r -> r.setParticipantNationalId("123").setReferralDate(LocalDate.of(2030, 1, 1))).build();

        assertThat(validate(message)).extracting(Violation::field).containsExactlyInAnyOrder(
                "messageId", "payload.participantNationalId", "payload.referralDate");
    }
}
