package no.ipshub.partners.provisioning;

import java.util.List;
import no.ipshub.partners.PartnerConsumerGroups;
import no.ipshub.partners.topics.HubTopics;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The least a partner's Kafka user ({@code User:<partner id>}) needs, the same rules as
 * {@code deploy/kafka/partner-acls.sh}: write and describe its own ingress topic, read and describe its own inbox
 * topic, read its own consumer groups ({@link PartnerConsumerGroups}: {@code <id>-inbox} and {@code <id>.*}, which
 * no other partner's names and none of the hub's can share). Nothing else.
 */
public final class PartnerAcls {

    private PartnerAcls() {
    }

    /** The Kafka principal of a partner. */
    public static String principal(String partnerId) {
        return "User:" + partnerId;
    }

    /**
     * Every ACL the partner gets.
     *
     * @throws IllegalArgumentException for an id that starts like the hub's own groups
     */
    public static List<AclBinding> of(String partnerId, HubTopics topics) {
        if (partnerId.startsWith(PartnerConsumerGroups.HUB_PREFIX)) {
            throw new IllegalArgumentException("a partner id may not start with " + PartnerConsumerGroups.HUB_PREFIX
                    + ", as the hub's own consumer groups do: " + partnerId);
        }
        String user = principal(partnerId);
        ResourcePattern ingress = new ResourcePattern(ResourceType.TOPIC, topics.ingressFor(partnerId), PatternType.LITERAL);
        ResourcePattern inbox = new ResourcePattern(ResourceType.TOPIC, topics.inboxFor(partnerId), PatternType.LITERAL);
        ResourcePattern inboxGroup = new ResourcePattern(ResourceType.GROUP, PartnerConsumerGroups.inbox(partnerId),
                PatternType.LITERAL);
        ResourcePattern ownGroups = new ResourcePattern(ResourceType.GROUP, PartnerConsumerGroups.prefix(partnerId),
                PatternType.PREFIXED);
        return List.of(
                allow(ingress, user, AclOperation.WRITE),
                allow(ingress, user, AclOperation.DESCRIBE),
                allow(inbox, user, AclOperation.READ),
                allow(inbox, user, AclOperation.DESCRIBE),
                allow(inboxGroup, user, AclOperation.READ),
                allow(ownGroups, user, AclOperation.READ));
    }

    /**
     * The group rule earlier versions gave a partner: every group whose name starts with its id, which let
     * {@code nav} join the groups of {@code nav-bergenhus} and {@code ips} those of the hub. Taken away whenever the
     * partner is set up or removed.
     */
    public static AclBinding earlierGroupRule(String partnerId) {
        return allow(new ResourcePattern(ResourceType.GROUP, partnerId, PatternType.PREFIXED), principal(partnerId),
                AclOperation.READ);
    }

    private static AclBinding allow(ResourcePattern pattern, String user, AclOperation operation) {
        return new AclBinding(pattern, new AccessControlEntry(user, "*", operation, AclPermissionType.ALLOW));
    }
}
