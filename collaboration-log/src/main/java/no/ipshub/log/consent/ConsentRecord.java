package no.ipshub.log.consent;

import java.time.LocalDate;

/**
 * What the log remembers of a participant who once left it (table {@code log_withdrawn_participant}).
 *
 * @param reason           how the participant last left: consent withdrawn or refused
 * @param withdrawnOn      the day the participant last left
 * @param consentedAgainOn the day consent was given again, after {@code withdrawnOn}; null while the participant
 *                         is out of the log
 */
public record ConsentRecord(Withdrawal.Reason reason, LocalDate withdrawnOn, LocalDate consentedAgainOn) {

    /** True while nothing of the participant is logged. */
    public boolean out() {
        return consentedAgainOn == null;
    }

    /** True when an event of this day may be logged: the participant is back and the day is not before the consent. */
    boolean admits(LocalDate day) {
        return !out() && !day.isBefore(consentedAgainOn);
    }

    /**
     * True when a consent of this day brings the participant back. It must be dated after the withdrawal: the log
     * keeps days, not times, so a consent of the withdrawal's own day cannot be told apart from what came before.
     */
    boolean reopenedBy(LocalDate consentDay) {
        return out() && consentDay.isAfter(withdrawnOn);
    }
}
