package no.ipshub.engine.supervision;

/** What kind of work a supervised loop is, so that an operator knows how it comes back. */
public enum LoopKind {

    /** A thread of its own reading Kafka (a route's consumer, the reply reader): restarts itself after a back-off. */
    THREAD,

    /** Pooled clients or workers used by requests: a broken one is discarded and the next use makes a new one. */
    POOL,

    /** A task run every interval: a failed run is followed by the next, later when runs keep failing. */
    SCHEDULE
}
