package no.ipshub.routes.intake;

import no.ipshub.engine.kafka.BatchConsumerSpec;
import no.ipshub.engine.kafka.RecordBatch;
import no.ipshub.engine.state.CaseStateStore;
import no.ipshub.engine.state.StateChanges;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The partner-ingress consumer's work while no messages come: expiring accepted ids older than the retention in
 * the state partitions it owns (a busy consumer does the same within its batches).
 */
public class StateExpiry implements BatchConsumerSpec.IdleWork {

    private static final Logger log = LoggerFactory.getLogger(StateExpiry.class);

    private final CaseStateStore state;

    public StateExpiry(CaseStateStore state) {
        this.state = state;
    }

    @Override
    public boolean due() {
        return state.expiryDue();
    }

    @Override
    public void run(RecordBatch batch) {
        StateChanges changes = state.changes();
        int expired = state.expire(state.statePartitionsOf(batch.assignment()), changes);
        changes.records().forEach(batch.output()::send);
        batch.afterCommit(() -> state.apply(changes));
        if (expired > 0) {
            log.info("Expired {} state records past their retention (accepted ids, parties of closed cases)", expired);
        }
    }
}
