package no.ipshub.hub.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import no.ipshub.schemas.identifiers.SyntheticIdentifiers;
import no.ipshub.schemas.v1.FollowUp;
import no.ipshub.schemas.v1.FollowUpKind;
import no.ipshub.schemas.v1.HubMessage;
import no.ipshub.schemas.v1.Outcome;
import no.ipshub.schemas.v1.OutcomeKind;
import no.ipshub.schemas.v1.Referral;

/**
 * One simulated IPS case between a treatment team and a NAV office: referral, acceptance or rejection, then
 * meetings, employer contacts, benefits counselling and measures, job starts and ends, follow-along support,
 * and finally closure. Each call of {@link #nextStep} proposes the next message; {@link #apply} moves the case
 * on once the hub has accepted it, so a message that failed is sent again unchanged.
 */
final class DemoCase {

    /** Where a case is in its course. */
    enum Stage { NEW, REFERRED, SEEKING_WORK, IN_JOB, CLOSED }

    private static final int MAX_STEPS = 40;
    private static final List<String> REJECTION_REASONS =
            List.of("NOT_MOTIVATED_NOW", "OUTSIDE_TARGET_GROUP", "MOVED_AWAY", "OTHER_SERVICE_CHOSEN");
    private static final List<String> NAV_MEASURES = List.of("ARBTREN", "MIDLONTIL", "INDOPPFAG", "AVKLARAG");
    private static final List<String> STYRK_CODES =
            List.of("5223", "9112", "5120", "8322", "4321", "7115", "9412", "9621", "5322");

    private final String caseId;
    private final String team;
    private final String navOffice;
    private final String participantNationalId;
    private final boolean researchConsent;
    private boolean consentActive;
    private Stage stage = Stage.NEW;
    private int steps;
    private int employerContacts;
    private int stepsInJob;
    private String employer;
    private Step pending;

    DemoCase(String caseId, String team, String navOffice, SyntheticIdentifiers ids, Random random) {
        this.caseId = caseId;
        this.team = team;
        this.navOffice = navOffice;
        this.participantNationalId = random.nextInt(10) < 2 ? ids.dNumber() : ids.nationalId();
        this.researchConsent = random.nextInt(100) < 85;
        this.consentActive = researchConsent;
    }

    /** A proposed message and the stage the case reaches once the hub has accepted it. */
    record Step(HubMessage message, Stage stageAfter, String employerAfter, boolean employerContact) {
    }

    String caseId() {
        return caseId;
    }

    Stage stage() {
        return stage;
    }

    boolean isClosed() {
        return stage == Stage.CLOSED;
    }

    /** The next message of this case; the same one again until {@link #apply} or {@link #abandon}. */
    Step nextStep(SyntheticIdentifiers ids, Random random, Instant now, LocalDate today) {
        if (pending == null) {
            pending = propose(ids, random, now, today);
        }
        return pending;
    }

    /** The hub accepted the pending message: the case moves on. */
    void apply(Step step) {
        stage = step.stageAfter();
        employer = step.employerAfter();
        steps++;
        if (step.employerContact()) {
            employerContacts++;
        }
        stepsInJob = stage == Stage.IN_JOB ? stepsInJob + 1 : 0;
        if (step.message().getPayload() instanceof FollowUp f && f.getKind() == FollowUpKind.CONSENT_WITHDRAWN) {
            consentActive = false;
        }
        pending = null;
    }

    /** The hub refused the case's message for good: the case ends here. */
    void abandon() {
        stage = Stage.CLOSED;
        pending = null;
    }

    private Step propose(SyntheticIdentifiers ids, Random random, Instant now, LocalDate today) {
        int roll = random.nextInt(100);
        return switch (stage) {
            case NEW -> new Step(message(team, navOffice, now, Referral.newBuilder()
                    .setParticipantNationalId(participantNationalId)
                    .setReferringTeam(team)
                    .setNavOffice(navOffice)
                    .setReferralDate(today)
                    .setResearchConsent(researchConsent)
                    .setJobSpecialistRef(null)
                    .setNote(null)
                    .build()), Stage.REFERRED, null, false);
            case REFERRED -> roll < 90
                    ? followUp(navOffice, team, now, today, FollowUpKind.REFERRAL_ACCEPTED, Stage.SEEKING_WORK)
                    : new Step(message(navOffice, team, now, followUpBuilder(FollowUpKind.REFERRAL_REJECTED, today)
                            .setReason(pick(REJECTION_REASONS, random)).build()), Stage.CLOSED, null, false);
            case SEEKING_WORK -> seekingWork(ids, random, roll, now, today);
            case IN_JOB -> inJob(random, roll, now, today);
            case CLOSED -> throw new IllegalStateException("case " + caseId + " is closed");
        };
    }

    private Step seekingWork(SyntheticIdentifiers ids, Random random, int roll, Instant now, LocalDate today) {
        if (steps >= MAX_STEPS || (steps > 12 && roll < 4)) {
            return closure(now, today);
        }
        if (employerContacts >= 2 && roll < 14) {
            String hiring = employer != null && random.nextBoolean() ? employer : ids.organisationNumber();
            double hours = 8 + random.nextInt(60) / 2.0;
            BigDecimal wage = BigDecimal.valueOf(185 + random.nextInt(90) + random.nextInt(100) / 100.0)
                    .setScale(2, RoundingMode.HALF_UP);
            boolean subsidy = random.nextInt(100) < 20;
            return new Step(message(team, navOffice, now, Outcome.newBuilder()
                    .setKind(OutcomeKind.JOB_STARTED)
                    .setDate(today)
                    .setEmployerOrganisationNumber(hiring)
                    .setStyrkCode(pick(STYRK_CODES, random))
                    .setHoursPerWeek(hours)
                    .setHourlyWage(wage)
                    .setCompetitive(!subsidy || random.nextBoolean())
                    .setPermanent(random.nextInt(100) < 35)
                    .setWageSubsidy(subsidy)
                    .setNote(null)
                    .build()), Stage.IN_JOB, hiring, false);
        }
        if (roll < 50) {
            String contacted = ids.organisationNumber();
            return new Step(message(team, navOffice, now, followUpBuilder(FollowUpKind.EMPLOYER_CONTACT, today)
                    .setEmployerOrganisationNumber(contacted).build()), Stage.SEEKING_WORK, contacted, true);
        }
        if (roll < 62) {
            return followUp(team, navOffice, now, today, FollowUpKind.TREATMENT_TEAM_MEETING, Stage.SEEKING_WORK);
        }
        if (roll < 76) {
            return random.nextBoolean()
                    ? followUp(team, navOffice, now, today, FollowUpKind.NAV_COLLABORATION_MEETING, Stage.SEEKING_WORK)
                    : followUp(navOffice, team, now, today, FollowUpKind.NAV_COLLABORATION_MEETING, Stage.SEEKING_WORK);
        }
        if (roll < 84) {
            return followUp(navOffice, team, now, today, FollowUpKind.BENEFITS_COUNSELLING, Stage.SEEKING_WORK);
        }
        if (roll < 90) {
            return new Step(message(navOffice, team, now, followUpBuilder(FollowUpKind.NAV_MEASURE_CHANGED, today)
                    .setNavMeasureCode(pick(NAV_MEASURES, random)).build()), Stage.SEEKING_WORK, employer, false);
        }
        if (consentActive && roll >= 98) {
            return followUp(team, navOffice, now, today, FollowUpKind.CONSENT_WITHDRAWN, Stage.SEEKING_WORK);
        }
        return followUp(team, navOffice, now, today, FollowUpKind.OUTREACH_ATTEMPT, Stage.SEEKING_WORK);
    }

    private Step inJob(Random random, int roll, Instant now, LocalDate today) {
        if (steps >= MAX_STEPS || (stepsInJob >= 4 && roll < 10)) {
            return closure(now, today);
        }
        if (stepsInJob >= 2 && roll < 22) {
            return new Step(message(team, navOffice, now, Outcome.newBuilder()
                    .setKind(OutcomeKind.JOB_ENDED)
                    .setDate(today)
                    .setEmployerOrganisationNumber(employer)
                    .setStyrkCode(null)
                    .setHoursPerWeek(null)
                    .setHourlyWage(null)
                    .setCompetitive(null)
                    .setPermanent(null)
                    .setWageSubsidy(null)
                    .setNote(null)
                    .build()), Stage.SEEKING_WORK, null, false);
        }
        if (roll < 60) {
            return followUp(team, navOffice, now, today, FollowUpKind.FOLLOW_ALONG_SUPPORT, Stage.IN_JOB);
        }
        if (roll < 80) {
            return followUp(navOffice, team, now, today, FollowUpKind.NAV_COLLABORATION_MEETING, Stage.IN_JOB);
        }
        return followUp(team, navOffice, now, today, FollowUpKind.TREATMENT_TEAM_MEETING, Stage.IN_JOB);
    }

    private Step closure(Instant now, LocalDate today) {
        return new Step(message(team, navOffice, now, Outcome.newBuilder()
                .setKind(OutcomeKind.EPISODE_CLOSED)
                .setDate(today)
                .setEmployerOrganisationNumber(null)
                .setStyrkCode(null)
                .setHoursPerWeek(null)
                .setHourlyWage(null)
                .setCompetitive(null)
                .setPermanent(null)
                .setWageSubsidy(null)
                .setNote(null)
                .build()), Stage.CLOSED, null, false);
    }

    private Step followUp(String from, String to, Instant now, LocalDate today, FollowUpKind kind, Stage after) {
        return new Step(message(from, to, now, followUpBuilder(kind, today).build()), after, employer, false);
    }

    private static FollowUp.Builder followUpBuilder(FollowUpKind kind, LocalDate today) {
        return FollowUp.newBuilder()
                .setKind(kind)
                .setDate(today)
                .setReason(null)
                .setEmployerOrganisationNumber(null)
                .setNavMeasureCode(null)
                .setNote(null);
    }

    private HubMessage message(String from, String to, Instant now, Object payload) {
        Instant at = now.truncatedTo(ChronoUnit.MILLIS);
        return HubMessage.newBuilder()
                .setMessageId(UUID.randomUUID().toString())
                .setCaseId(caseId)
                .setSender(from)
                .setRecipient(to)
                .setOccurredAt(at)
                .setRecordedAt(at)
                .setCorrelationId(null)
                .setSchemaVersion(1)
                .setPayload(payload)
                .build();
    }

    private static <T> T pick(List<T> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }
}
