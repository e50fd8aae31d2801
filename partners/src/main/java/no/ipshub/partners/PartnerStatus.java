package no.ipshub.partners;

/** Where a partner stands with the hub. */
public enum PartnerStatus {

    /** Sends and receives messages. */
    ACTIVE,

    /**
     * Known, but no message from or to it is accepted and it cannot authenticate; its topics and inbox stay. An
     * operator can reinstate it.
     */
    SUSPENDED,

    /**
     * Gone for good: it cannot authenticate and its id is not given out again, since its inbox topic still
     * holds its messages until their retention ends.
     */
    REMOVED
}
