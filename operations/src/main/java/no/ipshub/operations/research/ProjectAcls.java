package no.ipshub.operations.research;

import java.util.List;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The least a research project's Kafka user ({@code User:research-<code>}) needs to read its rows as a stream, the
 * same rules as {@code deploy/kafka/research-acls.sh}: read and describe the project's log topic, read consumer
 * group {@code research-<code>} (that name exactly: one project's code may begin another's, and a prefix would let
 * one project's readers join the other's group). Nothing else: no other project's topic, no message topic.
 */
public final class ProjectAcls {

    private ProjectAcls() {
    }

    /** The Kafka principal of a project's researchers. */
    public static String principal(String project) {
        return "User:research-" + project;
    }

    /** Every ACL the project's principal gets. */
    public static List<AclBinding> of(String project, String topic) {
        String user = principal(project);
        ResourcePattern log = new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL);
        ResourcePattern groups = new ResourcePattern(ResourceType.GROUP, "research-" + project, PatternType.LITERAL);
        return List.of(allow(log, user, AclOperation.READ), allow(log, user, AclOperation.DESCRIBE),
                allow(groups, user, AclOperation.READ));
    }

    private static AclBinding allow(ResourcePattern pattern, String user, AclOperation operation) {
        return new AclBinding(pattern, new AccessControlEntry(user, "*", operation, AclPermissionType.ALLOW));
    }
}
