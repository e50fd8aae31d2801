package no.ipshub.operations.partners;

import java.util.List;
import no.ipshub.routes.config.HubTopics;
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
 * topic, read consumer groups whose names start with its id. Nothing else.
 */
public final class PartnerAcls {

    private PartnerAcls() {
    }

    /** The Kafka principal of a partner. */
    public static String principal(String partnerId) {
        return "User:" + partnerId;
    }

    /** Every ACL the partner gets. */
    public static List<AclBinding> of(String partnerId, HubTopics topics) {
        String user = principal(partnerId);
        ResourcePattern ingress = new ResourcePattern(ResourceType.TOPIC, topics.ingressFor(partnerId), PatternType.LITERAL);
        ResourcePattern inbox = new ResourcePattern(ResourceType.TOPIC, topics.inboxFor(partnerId), PatternType.LITERAL);
        ResourcePattern groups = new ResourcePattern(ResourceType.GROUP, partnerId, PatternType.PREFIXED);
        return List.of(
                allow(ingress, user, AclOperation.WRITE),
                allow(ingress, user, AclOperation.DESCRIBE),
                allow(inbox, user, AclOperation.READ),
                allow(inbox, user, AclOperation.DESCRIBE),
                allow(groups, user, AclOperation.READ));
    }

    private static AclBinding allow(ResourcePattern pattern, String user, AclOperation operation) {
        return new AclBinding(pattern, new AccessControlEntry(user, "*", operation, AclPermissionType.ALLOW));
    }
}
