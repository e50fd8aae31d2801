package no.ipshub.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import no.ipshub.bench.BenchPartners.BenchPartner;
import no.ipshub.schemas.identifiers.SyntheticIdentifiers;
import no.ipshub.schemas.v1.FollowUp;
import no.ipshub.schemas.v1.FollowUpKind;
import no.ipshub.schemas.v1.HubMessage;
import no.ipshub.schemas.v1.Referral;

/**
 * Realistic traffic: cases of four messages each (a referral, its acceptance, an employer contact and a
 * NAV collaboration meeting), from a treatment team to a NAV office, about 300 bytes of Avro each.
 */
final class MessageFactory {

    static final int MESSAGES_PER_CASE = 4;

    private static final String NOTE = "Ønsker arbeid i butikk eller lager, helst deltid i starten. "
            + "Har førerkort klasse B. Avtalt oppfølging annenhver uke med jobbspesialist og veileder i NAV. "
            + "Tidligere erfaring fra varelager og kantine; trives best med faste rutiner.";
    private static final String FOLLOW_UP_NOTE = "Oppfølging etter avtale med deltaker og veileder i NAV. "
            + "Gjennomgått CV og aktuelle arbeidsgivere i nærområdet; neste møte om to uker.";

    private final SyntheticIdentifiers identifiers = new SyntheticIdentifiers(20261123L);
    private final String runId = UUID.randomUUID().toString().substring(0, 8);
    private final LocalDate today = LocalDate.now();

    /** The team that sends case number {@code caseNumber}. */
    BenchPartner teamOf(long caseNumber) {
        return BenchPartners.TEAMS.get((int) (caseNumber % BenchPartners.TEAMS.size()));
    }

    /** The NAV office that receives case number {@code caseNumber}. */
    BenchPartner navOfficeOf(long caseNumber) {
        return BenchPartners.NAV_OFFICES.get((int) (caseNumber % BenchPartners.NAV_OFFICES.size()));
    }

    /** Message number {@code sequence} of the run: every fourth one opens a new case. */
    HubMessage message(long sequence) {
        long caseNumber = sequence / MESSAGES_PER_CASE;
        int step = (int) (sequence % MESSAGES_PER_CASE);
        BenchPartner team = teamOf(caseNumber);
        BenchPartner navOffice = navOfficeOf(caseNumber);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        HubMessage.Builder message = HubMessage.newBuilder()
                .setMessageId(UUID.randomUUID().toString())
                .setCaseId("bench-" + runId + "-" + caseNumber)
                .setSender(team.id())
                .setRecipient(navOffice.id())
                .setOccurredAt(now)
                .setRecordedAt(now)
                .setSchemaVersion(1);
        return switch (step) {
            case 0 -> message.setPayload(Referral.newBuilder()
                    .setParticipantNationalId(identifiers.nationalId())
                    .setReferringTeam(team.id())
                    .setNavOffice(navOffice.id())
                    .setReferralDate(today)
                    .setResearchConsent(caseNumber % 5 != 0)
                    .setJobSpecialistRef("js-" + (caseNumber % 12))
                    .setNote(NOTE)
                    .build()).build();
            case 1 -> message.setPayload(followUp(FollowUpKind.REFERRAL_ACCEPTED, null)).build();
            case 2 -> message.setPayload(followUp(FollowUpKind.EMPLOYER_CONTACT, identifiers.organisationNumber())).build();
            default -> message.setPayload(followUp(FollowUpKind.NAV_COLLABORATION_MEETING, null)).build();
        };
    }

    private FollowUp followUp(FollowUpKind kind, String employer) {
        return FollowUp.newBuilder()
                .setKind(kind)
                .setDate(today)
                .setEmployerOrganisationNumber(employer)
                .setNote(FOLLOW_UP_NOTE)
                .build();
    }
}
