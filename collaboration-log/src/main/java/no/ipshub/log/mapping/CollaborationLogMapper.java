package no.ipshub.log.mapping;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.regex.Pattern;
import no.ipshub.log.pseudonym.Pseudonymiser;
import no.ipshub.routes.partner.Partner;
import no.ipshub.routes.partner.PartnerDirectory;
import no.ipshub.schemas.v1.CollaborationEventKind;
import no.ipshub.schemas.v1.FollowUp;
import no.ipshub.schemas.v1.HubMessage;
import no.ipshub.schemas.v1.Outcome;
import no.ipshub.schemas.v1.Referral;
import no.ipshub.schemas.v1.Sector;

/**
 * Maps a canonical {@link HubMessage} to a {@link LogEvent}: pseudonymises the national id, case id and job
 * specialist reference, looks up the sector and organisation of sender and recipient, and leaves out every
 * free-text note. Whether the event enters the log is decided later, by consent.
 */
public final class CollaborationLogMapper {

    /** Rejection reasons are codes such as NOT_MOTIVATED; anything else might be free text and is not kept. */
    private static final Pattern REASON_CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");
    static final String OTHER_REASON = "OTHER";
    static final String UNKNOWN_ORGANISATION = "unknown";

    private final Pseudonymiser pseudonyms;
    private final PartnerDirectory partners;

    public CollaborationLogMapper(Pseudonymiser pseudonyms, PartnerDirectory partners) {
        this.pseudonyms = pseudonyms;
        this.partners = partners;
    }

    /**
     * The log's view of the message.
     *
     * @throws IllegalArgumentException when the payload is of a kind the log does not know
     */
    public LogEvent map(HubMessage message) {
        Object payload = message.getPayload();
        if (payload instanceof Referral referral) {
            return referral(message, referral);
        }
        if (payload instanceof FollowUp followUp) {
            EventDraft draft = followUp(message, followUp);
            return new LogEvent(message.getMessageId(), message.getSender(), draft, null,
                    draft.kind() == CollaborationEventKind.CONSENT_GIVEN ? parties(message) : null);
        }
        if (payload instanceof Outcome outcome) {
            return new LogEvent(message.getMessageId(), message.getSender(), outcome(message, outcome), null);
        }
        throw new IllegalArgumentException("message " + message.getMessageId() + " has a payload the log does not know: "
                + (payload == null ? "null" : payload.getClass().getSimpleName()));
    }

    private LogEvent referral(HubMessage message, Referral referral) {
        EventDraft draft = base(message, CollaborationEventKind.REFERRAL, referral.getReferralDate(), null, null, null,
                null, null, null, null, null);
        CaseOpening opening = new CaseOpening(
                pseudonyms.participantKey(referral.getParticipantNationalId()),
                referral.getResearchConsent(),
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

    private EventDraft followUp(HubMessage message, FollowUp followUp) {
        CollaborationEventKind kind = kindNamed(followUp.getKind().name());
        String reason = kind == CollaborationEventKind.REFERRAL_REJECTED ? reasonCode(followUp.getReason()) : null;
        String employer = kind == CollaborationEventKind.EMPLOYER_CONTACT ? followUp.getEmployerOrganisationNumber() : null;
        return base(message, kind, followUp.getDate(), employer, null, null, null, null, null, null, reason);
    }

    private EventDraft outcome(HubMessage message, Outcome outcome) {
        CollaborationEventKind kind = kindNamed(outcome.getKind().name());
        boolean job = kind == CollaborationEventKind.JOB_STARTED || kind == CollaborationEventKind.JOB_ENDED;
        return base(message, kind, outcome.getDate(),
                job ? outcome.getEmployerOrganisationNumber() : null,
                job ? outcome.getStyrkCode() : null,
                job ? outcome.getHoursPerWeek() : null,
                job ? outcome.getHourlyWage() : null,
                job ? outcome.getCompetitive() : null,
                job ? outcome.getPermanent() : null,
                job ? outcome.getWageSubsidy() : null,
                null);
    }

    private EventDraft base(HubMessage message, CollaborationEventKind kind, LocalDate date, String employer,
            String styrk, Double hours, BigDecimal wage, Boolean competitive, Boolean permanent,
            Boolean wageSubsidy, String reason) {
        Optional<Partner> sender = partners.find(message.getSender());
        Optional<Partner> recipient = partners.find(message.getRecipient());
        return new EventDraft(
                pseudonyms.entryId(message.getMessageId()),
                pseudonyms.caseKey(message.getCaseId()),
                kind,
                date != null ? date : message.getOccurredAt().atZone(ZoneId.of("Europe/Oslo")).toLocalDate(),
                message.getRecordedAt(),
                sender.map(Partner::sector).orElse(Sector.UNKNOWN),
                sender.map(Partner::organisation).orElse(UNKNOWN_ORGANISATION),
                recipient.map(Partner::sector).orElse(Sector.UNKNOWN),
                recipient.map(Partner::organisation).orElse(UNKNOWN_ORGANISATION),
                employer, styrk, hours, wage, competitive, permanent, wageSubsidy, reason);
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
}
