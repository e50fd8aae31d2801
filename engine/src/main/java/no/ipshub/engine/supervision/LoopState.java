package no.ipshub.engine.supervision;

/** Where a supervised loop stands. */
public enum LoopState {

    /** Working; since it started or since it last recovered. */
    RUNNING,

    /** Failed and tries again after a back-off; the failure, the attempts and the next try are known. */
    RESTARTING,

    /** Gave up: a restart cannot help (the reason says why). It stays down until the hub is restarted. */
    DOWN,

    /** Stopped on purpose (the hub or its route is stopping), or not started yet. */
    STOPPED
}
