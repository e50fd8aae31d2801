package no.ipshub.engine.error;

/**
 * Asks whether a route's dependencies (registry, database) answer now. A record is dead-lettered for failing
 * only while they do, so that an outage never turns into dead letters; the broker needs no probe, since the dead
 * letter itself is written through it.
 */
@FunctionalInterface
public interface DependencyProbe {

    /** Returns when the dependencies answer; throws when one does not. */
    void check() throws Exception;
}
