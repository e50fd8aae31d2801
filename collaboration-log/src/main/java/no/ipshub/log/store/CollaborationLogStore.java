package no.ipshub.log.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import no.ipshub.log.audit.AuditTrail;
import no.ipshub.log.consent.BatchPlan;
import no.ipshub.log.consent.ConsentGivenAgain;
import no.ipshub.log.consent.Withdrawal;
import no.ipshub.log.mapping.LogEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The collaboration log's write path: a batch of events is planned over what the store knows and written in one
 * transaction, idempotent on entry id, so a replayed batch changes nothing; consent withdrawals delete the
 * participant's entries and are audited in the same transaction.
 */
public class CollaborationLogStore {

    private static final Logger log = LoggerFactory.getLogger(CollaborationLogStore.class);
    private static final Duration PURGE_INTERVAL = Duration.ofMinutes(1);

    private final TransactionTemplate transactions;
    private final StoredBatchPlanner planner;
    private final LogTableWriter tables;
    private final AuditTrail audit;
    private final Clock clock;
    private final Duration pendingRetention;
    private final String project;
    private volatile Instant nextPurge = Instant.MIN;

    public CollaborationLogStore(JdbcTemplate jdbc, TransactionTemplate transactions, String project, AuditTrail audit,
            Clock clock, Duration pendingRetention) {
        this.transactions = transactions;
        this.planner = new StoredBatchPlanner(jdbc);
        this.tables = new LogTableWriter(jdbc, clock);
        this.project = project;
        this.audit = audit;
        this.clock = clock;
        this.pendingRetention = pendingRetention;
    }

    /**
     * Writes a batch in one transaction. {@code beforeCommit} runs inside it, after every statement succeeded:
     * the caller publishes the outcome to the log topic there, so a failed publication rolls the database back
     * and the batch is read again; a failed commit after publication only repeats idempotent records.
     */
    public BatchOutcome write(List<LogEvent> events, Consumer<BatchOutcome> beforeCommit) {
        return write(Map.of(project, events), outcomes -> outcomes.forEach(beforeCommit)).get(0);
    }

    /**
     * Writes a batch's events of several projects in one transaction, each project by its own consent rules;
     * {@code beforeCommit} gets every project's outcome inside it, as for {@link #write(List, Consumer)}.
     *
     * @param byProject each project's events, by project code, in the order they were consumed
     */
    public List<BatchOutcome> write(Map<String, List<LogEvent>> byProject, Consumer<List<BatchOutcome>> beforeCommit) {
        return transactions.execute(status -> {
            List<BatchOutcome> outcomes = new ArrayList<>();
            List<AuditTrail.Event> audits = new ArrayList<>();
            byProject.forEach((code, events) -> outcomes.add(writeProject(code, events, audits)));
            audit.appendAll(audits);
            purgeExpiredPending();
            beforeCommit.accept(List.copyOf(outcomes));
            return outcomes;
        });
    }

    /** Writes one project's part of the batch; its audit rows are added to {@code audits}, to be appended in order. */
    private BatchOutcome writeProject(String code, List<LogEvent> events, List<AuditTrail.Event> audits) {
        StoredBatchPlanner.Planned planned = planner.plan(code, events);
        BatchPlan plan = planned.plan();
        List<String> tombstones = new ArrayList<>(applyWithdrawals(code, plan.withdrawals(), audits));
        tombstones.addAll(plan.retracted());
        tables.saveConsentRecords(plan.consentRecords(), planned.storedConsentRecords());
        auditComebacks(code, plan.consentsGivenAgain(), audits);
        tables.upsertCases(plan.cases(), planned.knownCases());
        tables.insertEntries(plan.entries());
        tables.park(plan.pendingToPark());
        tables.settle(plan.pendingCasesResolved());
        return new BatchOutcome(code, plan, plan.entries(), List.copyOf(tombstones));
    }

    /**
     * Deletes the entries of every participant who left the log in this batch and marks their cases withdrawn, with
     * one statement (or JDBC batch) for all of them. A participant who leaves twice in one batch: the first withdrawal
     * deletes (and audits) the stored entries, the second finds none, as one statement per withdrawal would.
     */
    private List<String> applyWithdrawals(String code, List<Withdrawal> withdrawals, List<AuditTrail.Event> audits) {
        if (withdrawals.isEmpty()) {
            return List.of();
        }
        Set<String> participants = new LinkedHashSet<>();
        withdrawals.forEach(w -> participants.add(w.participantKey()));
        Map<String, List<String>> stored = tables.withdraw(participants);
        List<String> removed = new ArrayList<>();
        for (Withdrawal w : withdrawals) {
            List<String> ids = stored.remove(w.participantKey());
            ids = ids == null ? List.of() : ids;
            audits.add(new AuditTrail.Event(w.sender(), w.reason().name(),
                    "participant=" + w.participantKey() + "&case=" + w.caseKey() + "&effectiveOn=" + w.date()
                            + "&messageId=" + w.messageId(),
                    ids.size(), code));
            log.info("Route collaboration-log: message {} took a participant out of the log ({}), {} stored entries deleted",
                    w.messageId(), w.reason(), ids.size());
            removed.addAll(ids);
        }
        return removed;
    }

    private void auditComebacks(String code, List<ConsentGivenAgain> comebacks, List<AuditTrail.Event> audits) {
        for (ConsentGivenAgain c : comebacks) {
            audits.add(new AuditTrail.Event(c.sender(), "CONSENT_GIVEN_AGAIN", "participant=" + c.participantKey()
                    + "&case=" + c.caseKey() + "&effectiveOn=" + c.date() + "&via=" + c.via() + "&messageId="
                    + c.messageId(), 0, code));
            log.info("Route collaboration-log: message {} brought a participant back into the log from {} ({})",
                    c.messageId(), c.date(), c.via());
        }
    }

    private void purgeExpiredPending() {
        Instant now = clock.instant();
        if (now.isBefore(nextPurge)) {
            return;
        }
        nextPurge = now.plus(PURGE_INTERVAL);
        int purged = tables.dropParkedBefore(now.minus(pendingRetention));
        if (purged > 0) {
            log.warn("Route collaboration-log: {} events waited longer than {} for their referral and were dropped",
                    purged, pendingRetention);
        }
    }
}
