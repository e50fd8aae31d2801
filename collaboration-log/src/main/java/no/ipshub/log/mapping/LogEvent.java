package no.ipshub.log.mapping;

import no.ipshub.schemas.v1.CollaborationEventKind;

/**
 * One canonical message as the collaboration log sees it: pseudonymised, without free text.
 *
 * @param messageId the message id, for logs and the audit of consent changes (not personal data)
 * @param sender    partner id of the sender
 * @param draft     the entry the message would make
 * @param opening   what a referral says about its case; null for follow-ups and outcomes
 */
public record LogEvent(String messageId, String sender, EventDraft draft, CaseOpening opening) {

    /** True for a referral, which opens (or refuses) a case. */
    public boolean isReferral() {
        return opening != null;
    }

    /** True for a follow-up saying the participant withdrew consent. */
    public boolean isConsentWithdrawal() {
        return draft.kind() == CollaborationEventKind.CONSENT_WITHDRAWN;
    }

    /** The case's pseudonym. */
    public String caseKey() {
        return draft.caseKey();
    }
}
