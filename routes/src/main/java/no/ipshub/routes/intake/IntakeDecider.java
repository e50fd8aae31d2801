package no.ipshub.routes.intake;

import java.util.List;
import java.util.UUID;
import no.ipshub.engine.state.CaseOpening;
import no.ipshub.engine.state.CaseStateStore;
import no.ipshub.engine.state.StateChanges;
import no.ipshub.routes.validation.IngressValidator;
import no.ipshub.routes.validation.Violation;
import no.ipshub.routes.validation.ViolationCode;
import no.ipshub.schemas.v1.HubMessage;
import no.ipshub.schemas.v1.Outcome;
import no.ipshub.schemas.v1.OutcomeKind;
import no.ipshub.schemas.v1.Referral;

/**
 * Decides one submitted message against the state of its case: every rule of the validator (case parties as the
 * case's referrals opened it), then the idempotency rule on {@code messageId} within the case. An accepted
 * message's effects (its id, a referral's opening) go into the batch's changes, so later messages of the same
 * batch see them; a dry run decides the same way and changes nothing.
 *
 * <p>An accepted EPISODE_CLOSED outcome marks the case closed (its parties expire after the closed-case retention);
 * a later referral opens it again.
 *
 * <p>Message ids are remembered per case, where the state lives: a repeat is recognised when it carries the same
 * case id, as a repeat of a message does.
 */
public final class IntakeDecider {

    private final IngressValidator validator;

    public IntakeDecider(IngressValidator validator) {
        this.validator = validator;
    }

    public IntakeResult decide(Submission submission, CaseStateStore state, StateChanges changes, long nowMillis) {
        HubMessage m = submission.message();
        List<Violation> violations = validator.validate(m, submission.fromPartner(),
                (caseId, a, b) -> state.openings(caseId, changes).stream().anyMatch(o -> o.isSharedBy(a, b)));
        String id = m.getMessageId();
        if (!violations.isEmpty()) {
            return IntakeResult.rejected(id, violations);
        }
        UUID messageId = UUID.fromString(id);
        String caseId = m.getCaseId();
        String earlierSender = state.senderOf(caseId, messageId, changes);
        if (earlierSender != null && !earlierSender.equals(m.getSender())) {
            return IntakeResult.rejected(id, List.of(new Violation("messageId", ViolationCode.MESSAGE_ID_IN_USE,
                    "is already used by another partner's message")));
        }
        if (earlierSender != null) {
            return IntakeResult.duplicate(id);
        }
        if (!submission.dryRun()) {
            changes.accepted(caseId, messageId, m.getSender(), nowMillis);
            if (m.getPayload() instanceof Referral r) {
                changes.opened(new CaseOpening(caseId, r.getReferringTeam(), r.getNavOffice(), id),
                        state.openings(caseId, changes), state.isClosed(caseId, changes));
            } else if (m.getPayload() instanceof Outcome o && o.getKind() == OutcomeKind.EPISODE_CLOSED) {
                changes.closed(caseId, state.openings(caseId, changes), nowMillis);
            }
        }
        return IntakeResult.accepted(id);
    }
}
