package no.ipshub.hub.health;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.ipshub.engine.supervision.LoopState;
import no.ipshub.engine.supervision.LoopStatus;
import no.ipshub.engine.supervision.SupervisedLoops;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * The hub's long-running loops ({@link SupervisedLoops}): DOWN when one gave up (a restart cannot help; the
 * details name it and why), {@link #DEGRADED} when one has failed on every try for longer than
 * {@code hub.supervision.degraded-after} (it is still restarted), UP otherwise. Every loop is in the details
 * with its state; failures are described without personal data.
 */
public class LoopsHealthIndicator extends AbstractHealthIndicator {

    /** A loop keeps failing and is restarted with back-off: worse than UP, still ready (HTTP 200). */
    public static final Status DEGRADED = new Status("DEGRADED", "a loop keeps failing and is being restarted");

    private final SupervisedLoops loops;

    public LoopsHealthIndicator(SupervisedLoops loops) {
        super("Loops health check failed");
        this.loops = loops;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        List<LoopStatus> statuses = loops.statuses();
        Map<String, Object> each = new LinkedHashMap<>();
        Map<LoopState, Integer> counts = new LinkedHashMap<>();
        boolean degraded = false;
        for (LoopStatus s : statuses) {
            each.put(s.name(), details(s));
            counts.merge(s.state(), 1, Integer::sum);
            degraded |= s.degraded();
        }
        if (counts.containsKey(LoopState.DOWN)) {
            builder.down();
        } else if (degraded) {
            builder.status(DEGRADED);
        } else {
            builder.up();
        }
        for (LoopState state : LoopState.values()) {
            builder.withDetail(state.name().toLowerCase(), counts.getOrDefault(state, 0));
        }
        builder.withDetail("loops", each);
    }

    private static Map<String, Object> details(LoopStatus s) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("kind", s.kind().name());
        d.put("state", s.state().name());
        d.put("since", s.since().toString());
        if (s.degraded()) {
            d.put("degraded", true);
        }
        if (s.state() == LoopState.RESTARTING) {
            d.put("attempts", s.attempts());
            d.put("nextTry", s.nextTry().toString());
        }
        if (s.reason() != null) {
            d.put("reason", s.reason());
        }
        if (s.lastFailure() != null) {
            d.put("failures", s.failures());
            d.put("lastFailure", s.lastFailure());
            d.put("lastFailureAt", s.lastFailureAt().toString());
        }
        return d;
    }
}
