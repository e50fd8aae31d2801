package no.ipshub.operations.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import no.ipshub.routes.config.HubTopics;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.junit.jupiter.api.Test;

class PartnerAclsTest {

    @Test
    void aPartnerGetsTheRulesOfThePartnerAclsScriptAndNothingElse() {
        assertThat(PartnerAcls.of("nav-alta", HubTopics.defaults()))
                .extracting(b -> b.pattern().name(), b -> b.pattern().patternType(), b -> b.entry().operation())
                .containsExactlyInAnyOrder(
                        tuple("ips.ingress.nav-alta-v1", PatternType.LITERAL, AclOperation.WRITE),
                        tuple("ips.ingress.nav-alta-v1", PatternType.LITERAL, AclOperation.DESCRIBE),
                        tuple("ips.inbox.nav-alta-v1", PatternType.LITERAL, AclOperation.READ),
                        tuple("ips.inbox.nav-alta-v1", PatternType.LITERAL, AclOperation.DESCRIBE),
                        tuple("nav-alta", PatternType.PREFIXED, AclOperation.READ));
    }

    @Test
    void everyRuleIsForThePartnersOwnKafkaUser() {
        assertThat(PartnerAcls.of("nav-alta", HubTopics.defaults())).extracting(AclBinding::entry)
                .allSatisfy(entry -> assertThat(entry.principal()).isEqualTo("User:nav-alta"));
    }
}
