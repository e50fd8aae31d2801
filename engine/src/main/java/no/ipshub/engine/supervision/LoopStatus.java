package no.ipshub.engine.supervision;

import java.time.Instant;

/**
 * One supervised loop at one moment, as health and the operations dashboard show it. Failures are described by
 * their type and a bounded message with national-id-shaped digit runs masked ({@link LoopFailures#describe}).
 *
 * @param name          the loop's name, e.g. {@code intake-replies}
 * @param kind          what kind of work it is
 * @param state         where it stands
 * @param since         when it entered that state (RESTARTING: when its current run of failures began)
 * @param degraded      RESTARTING for longer than {@code hub.supervision.degraded-after}
 * @param attempts      failed attempts in a row; 0 while RUNNING
 * @param failures      failures since the hub started, recovered ones included
 * @param lastFailure   the latest failure; null when it never failed
 * @param lastFailureAt when that was; null when it never failed
 * @param nextTry       when it tries again; null unless RESTARTING
 * @param reason        why it is DOWN; null otherwise
 */
public record LoopStatus(String name, LoopKind kind, LoopState state, Instant since, boolean degraded, int attempts,
        long failures, String lastFailure, Instant lastFailureAt, Instant nextTry, String reason) {
}
