package no.ipshub.log.consent;

import java.time.LocalDate;

/**
 * A participant who had left the log comes back: a referral with research consent, or a follow-up
 * {@code CONSENT_GIVEN}, dated after the withdrawal.
 *
 * @param participantKey the participant's pseudonym
 * @param caseKey        the case whose message carried the consent
 * @param date           the day from which the participant's events are logged again
 * @param via            the kind of message that carried it
 * @param sender         partner id of the sender of that message
 * @param messageId      the message that carried it
 */
public record ConsentGivenAgain(String participantKey, String caseKey, LocalDate date, Via via, String sender,
        String messageId) {

    /** The message that brought the participant back. */
    public enum Via {
        /** A referral with research consent. */
        REFERRAL,
        /** A follow-up of kind CONSENT_GIVEN. */
        CONSENT_GIVEN
    }
}
