package no.ipshub.operations.research;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

class ProjectAclsTest {

    /* Project "ips" must not be able to join the group of project "ipsnor": a prefix rule research-ips would match
       research-ipsnor. */
    @Test
    void aProjectsReadersMayUseOnlyTheirOwnGroupByItsExactName() {
        List<AclBinding> acls = ProjectAcls.of("ips", "ips.collaboration-log.ips-v1");

        assertThat(acls).filteredOn(a -> a.pattern().resourceType() == ResourceType.GROUP)
                .singleElement().satisfies(a -> {
                    assertThat(a.pattern().name()).isEqualTo("research-ips");
                    assertThat(a.pattern().patternType()).isEqualTo(PatternType.LITERAL);
                });
    }

    @Test
    void aProjectsReadersMayReadOnlyItsOwnTopic() {
        List<AclBinding> acls = ProjectAcls.of("worklife", "ips.collaboration-log.worklife-v1");

        assertThat(acls).filteredOn(a -> a.pattern().resourceType() == ResourceType.TOPIC)
                .allSatisfy(a -> assertThat(a.pattern().name()).isEqualTo("ips.collaboration-log.worklife-v1"))
                .allSatisfy(a -> assertThat(a.pattern().patternType()).isEqualTo(PatternType.LITERAL));
    }
}
