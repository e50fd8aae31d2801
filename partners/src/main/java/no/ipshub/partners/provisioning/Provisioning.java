package no.ipshub.partners.provisioning;

import java.util.List;

/**
 * What was set up for a partner in Kafka and the registry.
 *
 * @param topicsCreated topics that did not exist and were created (an existing one is left as it is)
 * @param subjects      registry subjects the partner's topics are registered under
 * @param acls          what happened to the partner's ACLs
 */
public record Provisioning(List<String> topicsCreated, List<String> subjects, AclOutcome acls) {

    /** What happened to a partner's ACLs. */
    public enum AclOutcome {
        /** Granted (or revoked) on the cluster's authorizer. */
        APPLIED,
        /** The cluster has no authorizer: every client may use every topic, there is nothing to grant. */
        NO_AUTHORIZER
    }
}
