package no.ipshub.log.mapping;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import no.ipshub.log.project.ResearchProject;
import no.ipshub.log.pseudonym.Pseudonymiser;
import no.ipshub.partners.Partner;
import no.ipshub.partners.PartnerDirectory;
import no.ipshub.routes.time.HubZone;
import no.ipshub.schemas.v1.ClosureReason;
import no.ipshub.schemas.v1.CollaborationEventKind;
import no.ipshub.schemas.v1.FollowUp;
import no.ipshub.schemas.v1.HubMessage;
import no.ipshub.schemas.v1.JobEndReason;
import no.ipshub.schemas.v1.Outcome;
import no.ipshub.schemas.v1.Referral;
import no.ipshub.schemas.v1.Sector;

/**
 * Maps a canonical {@link HubMessage} to a research project's {@link LogEvent}: pseudonymises the national id, case
 * id and job specialist references with the project's key, reads the project's consent off the message, looks up the
 * sector and organisation of sender and recipient, and leaves out every free-text note. Whether the event enters the
 * log is decided later, by consent.
 *
 * <p>A project's consent: the default project's is a referral's {@code researchConsent} and a consent follow-up that
 * names no project; any other project's is its code in the message's {@code researchProjects}. A consent follow-up
 * that does not concern the project means nothing to it.
 */
public final class CollaborationLogMapper {

    /** Rejection reasons are codes such as NOT_MOTIVATED; anything else might be free text and is not kept. */
    private static final Pattern REASON_CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");
    private static final Pattern MEASURE_CODE = Pattern.compile("[A-Za-z0-9_.-]{1,32}");
    static final String OTHER_REASON = "OTHER";
    static final String UNKNOWN_ORGANISATION = "unknown";

    private final Pseudonymiser defaultPseudonyms;
    private final PartnerDirectory partners;

    /**
     * @param defaultPseudonyms the default project's pseudonymiser, for {@link #map(HubMessage)}
     */
    public CollaborationLogMapper(Pseudonymiser defaultPseudonyms, PartnerDirectory partners) {
        this.defaultPseudonyms = defaultPseudonyms;
        this.partners = partners;
    }

    /** The default project's view of the message. */
    public LogEvent map(HubMessage message) {
        return map(message, defaultPseudonyms, true, defaultPseudonyms.project());
    }

    /**
     * The project's view of the message; null when it is a consent follow-up that does not concern the project.
     *
     * @throws IllegalArgumentException when the payload is of a kind the log does not know
     */
    public LogEvent map(HubMessage message, ResearchProject project, Pseudonymiser pseudonyms) {
        return map(message, pseudonyms, project.defaultProject(), project.code());
    }

    private LogEvent map(HubMessage message, Pseudonymiser pseudonyms, boolean defaultProject, String code) {
        Object payload = message.getPayload();
        if (payload instanceof Referral referral) {
            return referral(message, referral, pseudonyms, defaultProject ? referral.getResearchConsent()
                    : names(referral.getResearchProjects(), code));
        }
        if (payload instanceof FollowUp followUp) {
            EventDraft draft = followUp(message, followUp, pseudonyms);
            if ((draft.kind() == CollaborationEventKind.CONSENT_WITHDRAWN || draft.kind() == CollaborationEventKind.CONSENT_GIVEN)
                    && !concerns(followUp.getResearchProjects(), defaultProject, code)) {
                return null;
            }
            return new LogEvent(message.getMessageId(), message.getSender(), draft, null,
                    draft.kind() == CollaborationEventKind.CONSENT_GIVEN ? parties(message) : null);
        }
        if (payload instanceof Outcome outcome) {
            return new LogEvent(message.getMessageId(), message.getSender(), outcome(message, outcome, pseudonyms), null);
        }
        throw new IllegalArgumentException("message " + message.getMessageId() + " has a payload the log does not know: "
                + (payload == null ? "null" : payload.getClass().getSimpleName()));
    }

    /** True when a consent follow-up naming these projects concerns the project. */
    static boolean concerns(List<String> projects, boolean defaultProject, String code) {
        return projects == null || projects.isEmpty() ? defaultProject : projects.contains(code);
    }

    private static boolean names(List<String> projects, String code) {
        return projects != null && projects.contains(code);
    }

    private LogEvent referral(HubMessage message, Referral referral, Pseudonymiser pseudonyms, boolean consent) {
        EventDraft draft = base(message, pseudonyms, CollaborationEventKind.REFERRAL, referral.getReferralDate(), null, null,
                null, null, null, null, null, null, null, null, null, null, null);
        CaseOpening opening = new CaseOpening(
                pseudonyms.participantKey(referral.getParticipantNationalId()),
                consent,
                referral.getReferringTeam(),
                referral.getNavOffice(),
                referral.getReferralDate(),
                pseudonyms.jobSpecialistKey(referral.getJobSpecialistRef()));
        return new LogEvent(message.getMessageId(), message.getSender(), draft, opening);
    }

    /** The team and NAV office of the message's two partners, by sector; null when either is not known. */
    private LogEvent.CaseParties parties(HubMessage message) {
        Optional<Partner> sender = partners.find(message.getSender());
        Optional<Partner> recipient = partners.find(message.getRecipient());
        if (sender.isEmpty() || recipient.isEmpty()) {
            return null;
        }
        if (sender.get().sector() == Sector.HEALTH && recipient.get().sector() == Sector.NAV) {
            return new LogEvent.CaseParties(message.getSender(), message.getRecipient());
        }
        if (sender.get().sector() == Sector.NAV && recipient.get().sector() == Sector.HEALTH) {
            return new LogEvent.CaseParties(message.getRecipient(), message.getSender());
        }
        return null;
    }

    private EventDraft followUp(HubMessage message, FollowUp followUp, Pseudonymiser pseudonyms) {
        CollaborationEventKind kind = kindNamed(followUp.getKind().name());
        String reason = kind == CollaborationEventKind.REFERRAL_REJECTED ? reasonCode(followUp.getReason()) : null;
        String employer = kind == CollaborationEventKind.EMPLOYER_CONTACT ? followUp.getEmployerOrganisationNumber() : null;
        String specialist = kind == CollaborationEventKind.JOB_SPECIALIST_CHANGED
                ? pseudonyms.jobSpecialistKey(followUp.getJobSpecialistRef()) : null;
        boolean measure = kind == CollaborationEventKind.NAV_MEASURE_CHANGED;
        String measureCode = measure ? measureCode(followUp.getNavMeasureCode()) : null;
        return base(message, pseudonyms, kind, followUp.getDate(), employer, null, null, null, null, null, null, reason,
                specialist, measureCode, measure ? followUp.getMeasureEndDate() : null, null, null);
    }

    private EventDraft outcome(HubMessage message, Outcome outcome, Pseudonymiser pseudonyms) {
        CollaborationEventKind kind = kindNamed(outcome.getKind().name());
        boolean job = kind == CollaborationEventKind.JOB_STARTED || kind == CollaborationEventKind.JOB_ENDED;
        return base(message, pseudonyms, kind, outcome.getDate(),
                job ? outcome.getEmployerOrganisationNumber() : null,
                job ? outcome.getStyrkCode() : null,
                job ? outcome.getHoursPerWeek() : null,
                job ? outcome.getHourlyWage() : null,
                job ? outcome.getCompetitive() : null,
                job ? outcome.getPermanent() : null,
                job ? outcome.getWageSubsidy() : null,
                null, null, null, null,
                kind == CollaborationEventKind.EPISODE_CLOSED ? outcome.getClosureReason() : null,
                kind == CollaborationEventKind.JOB_ENDED ? outcome.getJobEndReason() : null);
    }

    private EventDraft base(HubMessage message, Pseudonymiser pseudonyms, CollaborationEventKind kind, LocalDate date,
            String employer, String styrk, Double hours, BigDecimal wage, Boolean competitive, Boolean permanent,
            Boolean wageSubsidy, String reason, String jobSpecialistKey, String measureCode, LocalDate measureEnd,
            ClosureReason closureReason, JobEndReason jobEndReason) {
        Optional<Partner> sender = partners.find(message.getSender());
        Optional<Partner> recipient = partners.find(message.getRecipient());
        return new EventDraft(
                pseudonyms.entryId(message.getMessageId()),
                pseudonyms.caseKey(message.getCaseId()),
                kind,
                date != null ? date : message.getOccurredAt().atZone(HubZone.NORWAY).toLocalDate(),
                message.getRecordedAt(),
                sender.map(Partner::sector).orElse(Sector.UNKNOWN),
                sender.map(Partner::organisation).orElse(UNKNOWN_ORGANISATION),
                recipient.map(Partner::sector).orElse(Sector.UNKNOWN),
                recipient.map(Partner::organisation).orElse(UNKNOWN_ORGANISATION),
                employer, styrk, hours, wage, competitive, permanent, wageSubsidy, reason,
                jobSpecialistKey, measureCode, measureEnd, closureReason, jobEndReason);
    }

    private static CollaborationEventKind kindNamed(String name) {
        try {
            return CollaborationEventKind.valueOf(name);
        } catch (IllegalArgumentException e) {
            return CollaborationEventKind.UNKNOWN;
        }
    }

    static String reasonCode(String reason) {
        if (reason == null || reason.isBlank()) {
            return null;
        }
        String code = reason.strip();
        return REASON_CODE.matcher(code).matches() ? code : OTHER_REASON;
    }

    /** NAV's measure code as the intake accepted it; anything else (never expected) is not kept. */
    static String measureCode(String code) {
        return code != null && MEASURE_CODE.matcher(code).matches() ? code : null;
    }
}
