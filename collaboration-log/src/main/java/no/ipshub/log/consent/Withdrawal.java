package no.ipshub.log.consent;

import java.time.LocalDate;

/**
 * A participant leaves the log: consent withdrawn by a follow-up, or refused in a referral.
 *
 * @param participantKey the participant's pseudonym
 * @param caseKey        the case whose message carried the withdrawal or refusal
 * @param date           the day it took effect
 * @param reason         withdrawn or refused
 * @param sender         partner id of the sender of that message
 * @param messageId      the message that carried it
 */
public record Withdrawal(
        String participantKey,
        String caseKey,
        LocalDate date,
        Reason reason,
        String sender,
        String messageId) {

    /** Why the participant left the log. */
    public enum Reason {
        /** A follow-up of kind CONSENT_WITHDRAWN. */
        CONSENT_WITHDRAWN,
        /** A referral without research consent. */
        CONSENT_REFUSED
    }
}
