package no.ipshub.log.consent;

import java.util.List;
import java.util.Map;
import java.util.Set;
import no.ipshub.log.mapping.EventDraft;
import no.ipshub.schemas.v1.CollaborationLogEntry;

/**
 * What one batch of messages does to the log, decided by {@link BatchPlanner}.
 *
 * @param entries              entries to write (store and topic), each of a consenting participant
 * @param cases                case states that are new or changed
 * @param pendingToPark        events whose case is not known yet, kept until its referral arrives
 * @param pendingCasesResolved cases whose parked events were settled (logged or dropped) in this batch
 * @param withdrawals          participants who left the log in this batch
 * @param consentsGivenAgain   participants who came back into the log in this batch
 * @param consentRecords       the consent records of participants who left or came back in this batch, as they
 *                             stand at its end
 * @param retracted            entry ids this batch made before their participant withdrew in the same batch;
 *                             never stored, but tombstoned in case an earlier attempt of the batch published them
 * @param dropped              how many events were left out for want of consent
 */
public record BatchPlan(
        List<CollaborationLogEntry> entries,
        List<CaseState> cases,
        List<EventDraft> pendingToPark,
        Set<String> pendingCasesResolved,
        List<Withdrawal> withdrawals,
        List<ConsentGivenAgain> consentsGivenAgain,
        Map<String, ConsentRecord> consentRecords,
        List<String> retracted,
        int dropped) {

    /** The participants whose existing entries must be deleted and tombstoned. */
    public Set<String> withdrawnParticipants() {
        return Set.copyOf(withdrawals.stream().map(Withdrawal::participantKey).toList());
    }
}
