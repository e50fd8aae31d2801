package no.ipshub.log.mapping;

import no.ipshub.schemas.v1.CollaborationEventKind;

/**
 * One canonical message as the collaboration log sees it: pseudonymised, without free text.
 *
 * @param messageId the message id, for logs and the audit of consent changes (not personal data)
 * @param sender    partner id of the sender
 * @param draft     the entry the message would make
 * @param opening   what a referral says about its case; null for follow-ups and outcomes
 * @param parties   the case's treatment team and NAV office as the message's sender and recipient name them; set
 *                  for a consent given again (which may reopen a case whose facts were deleted), null otherwise
 */
public record LogEvent(String messageId, String sender, EventDraft draft, CaseOpening opening, CaseParties parties) {

    public LogEvent(String messageId, String sender, EventDraft draft, CaseOpening opening) {
        this(messageId, sender, draft, opening, null);
    }

    /** True for a referral, which opens (or refuses) a case. */
    public boolean isReferral() {
        return opening != null;
    }

    /** True for a follow-up saying the participant withdrew consent. */
    public boolean isConsentWithdrawal() {
        return draft.kind() == CollaborationEventKind.CONSENT_WITHDRAWN;
    }

    /** True for a follow-up saying the participant gave consent (again). */
    public boolean isConsentGiven() {
        return draft.kind() == CollaborationEventKind.CONSENT_GIVEN;
    }

    /** The case's pseudonym. */
    public String caseKey() {
        return draft.caseKey();
    }

    /**
     * The treatment team and NAV office of a case, by partner id.
     *
     * @param team      partner id of the treatment team (sector HEALTH)
     * @param navOffice partner id of the NAV office (sector NAV)
     */
    public record CaseParties(String team, String navOffice) {
    }
}
