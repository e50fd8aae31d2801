package no.ipshub.schemas.released;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import no.ipshub.schemas.fixtures.HubMessages;
import no.ipshub.schemas.v1.ClosureReason;
import no.ipshub.schemas.v1.CollaborationEventKind;
import no.ipshub.schemas.v1.CollaborationLogEntry;
import no.ipshub.schemas.v1.DeadLetter;
import no.ipshub.schemas.v1.DeadLetterReason;
import no.ipshub.schemas.v1.FollowUpKind;
import no.ipshub.schemas.v1.JobEndReason;
import no.ipshub.schemas.v1.OutcomeKind;
import no.ipshub.schemas.v1.Sector;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * Records of each contract that together take every branch of every union: each payload kind, and every
 * optional field both set and null.
 */
final class ReleasedSamples {

    private static final Instant AT = Instant.parse("2025-03-10T09:00:00.250Z");

    private ReleasedSamples() {
    }

    static List<SpecificRecordBase> of(SchemaContract contract) {
        return switch (contract) {
            case HUB_MESSAGE -> hubMessages();
            case COLLABORATION_LOG_ENTRY -> collaborationLogEntries();
            case DEAD_LETTER -> deadLetters();
        };
    }

    private static List<SpecificRecordBase> hubMessages() {
        return List.of(
                HubMessages.referral().correlationId("corr-1")
                        .referral(r -> r.setJobSpecialistRef("js-1").setNote("note")
                                .setResearchProjects(List.of("worklife"))).build(),
                HubMessages.referral().referral(r -> r.setJobSpecialistRef(null).setNote(null)).build(),
                HubMessages.followUp(FollowUpKind.EMPLOYER_CONTACT).correlationId("corr-2")
                        .followUp(f -> f.setReason("OUT_OF_AREA").setNavMeasureCode("INDOPPFAG").setNote("note")
                                .setResearchProjects(List.of("ipsnor", "worklife")).setJobSpecialistRef("js-2")
                                .setMeasureEndDate(LocalDate.of(2025, 9, 30)))
                        .build(),
                HubMessages.followUp(FollowUpKind.TREATMENT_TEAM_MEETING).build(),
                HubMessages.outcome(OutcomeKind.JOB_STARTED).correlationId("corr-3")
                        .outcome(o -> o.setNote("note").setClosureReason(ClosureReason.WORKING)
                                .setJobEndReason(JobEndReason.NEW_JOB)).build(),
                HubMessages.outcome(OutcomeKind.EPISODE_CLOSED).build());
    }

    private static List<SpecificRecordBase> collaborationLogEntries() {
        CollaborationLogEntry.Builder minimal = CollaborationLogEntry.newBuilder()
                .setEntryId("entry-1")
                .setProject("ipsnor")
                .setParticipantKey("a1".repeat(32))
                .setCaseKey("b2".repeat(32))
                .setEventKind(CollaborationEventKind.REFERRAL)
                .setEventDate(LocalDate.of(2025, 3, 3))
                .setReferralDate(null)
                .setRecordedAt(AT)
                .setSenderSector(Sector.HEALTH)
                .setSenderOrganisation(HubMessages.EMPLOYER_ORGANISATION_NUMBER)
                .setRecipientSector(Sector.NAV)
                .setRecipientOrganisation("1201")
                .setTeam(HubMessages.TEAM)
                .setNavOffice(HubMessages.NAV_OFFICE)
                .setJobSpecialistKey(null)
                .setEmployerOrganisationNumber(null)
                .setStyrkCode(null)
                .setHoursPerWeek(null)
                .setHourlyWage(null)
                .setCompetitive(null)
                .setPermanent(null)
                .setWageSubsidy(null)
                .setRejectionReason(null);
        CollaborationLogEntry full = CollaborationLogEntry.newBuilder(minimal.build())
                .setEntryId("entry-2")
                .setEventKind(CollaborationEventKind.JOB_STARTED)
                .setEventDate(LocalDate.of(2025, 4, 1))
                .setReferralDate(LocalDate.of(2025, 3, 3))
                .setJobSpecialistKey("c3".repeat(32))
                .setEmployerOrganisationNumber(HubMessages.EMPLOYER_ORGANISATION_NUMBER)
                .setStyrkCode("5223")
                .setHoursPerWeek(20.0)
                .setHourlyWage(new BigDecimal("215.50"))
                .setCompetitive(true)
                .setPermanent(false)
                .setWageSubsidy(false)
                .setRejectionReason("NOT_MOTIVATED")
                .setPreviousJobSpecialistKey("d4".repeat(32))
                .setNavMeasureCode("INDOPPFAG")
                .setMeasureEndDate(LocalDate.of(2025, 9, 30))
                .setClosureReason(ClosureReason.PARTICIPANT_WITHDREW)
                .setJobEndReason(JobEndReason.FIXED_TERM_ENDED)
                .build();
        return List.of(minimal.build(), full);
    }

    private static List<SpecificRecordBase> deadLetters() {
        DeadLetter minimal = DeadLetter.newBuilder()
                .setDeadLetterId("dl-1")
                .setOriginalKey(null)
                .setOriginalValue(null)
                .setSourceTopic("http")
                .setSourcePartition(-1)
                .setSourceOffset(-1L)
                .setRouteId("referral-ingress")
                .setPartner(null)
                .setMessageId(null)
                .setReasonCode(DeadLetterReason.MALFORMED_AVRO)
                .setReason("payload could not be decoded")
                .setFirstFailureAt(AT)
                .setLastFailureAt(AT)
                .setAttempts(1)
                .build();
        DeadLetter full = DeadLetter.newBuilder(minimal)
                .setDeadLetterId("dl-2")
                .setOriginalKey(ByteBuffer.wrap(HubMessages.CASE_ID.getBytes(StandardCharsets.UTF_8)))
                .setOriginalValue(ByteBuffer.wrap(new byte[] {0, 0, 0, 0, 1, 2, 3}))
                .setSourceTopic("ips.ingress.haukeland-tsb-v1")
                .setSourcePartition(2)
                .setSourceOffset(4711L)
                .setPartner(HubMessages.TEAM)
                .setMessageId("3f1c2a9e-0b7d-4c55-9a51-2f4e6d8b1c00")
                .setReasonCode(DeadLetterReason.INVALID_CONTENT)
                .setLastFailureAt(AT.plusSeconds(60))
                .setAttempts(3)
                .build();
        return List.of(minimal, full);
    }
}
