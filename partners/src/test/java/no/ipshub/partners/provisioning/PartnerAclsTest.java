package no.ipshub.partners.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import no.ipshub.partners.PartnersFileParser;
import no.ipshub.partners.topics.HubTopics;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourcePatternFilter;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

class PartnerAclsTest {

    /** Every consumer group of the hub itself is named so. */
    private static final ResourcePattern HUB_GROUPS = new ResourcePattern(ResourceType.GROUP, "ips-hub", PatternType.PREFIXED);

    @Test
    void aPartnerGetsTheRulesOfThePartnerAclsScriptAndNothingElse() {
        assertThat(PartnerAcls.of("nav-alta", HubTopics.defaults()))
                .extracting(b -> b.pattern().name(), b -> b.pattern().patternType(), b -> b.entry().operation())
                .containsExactlyInAnyOrder(
                        tuple("ips.ingress.nav-alta-v1", PatternType.LITERAL, AclOperation.WRITE),
                        tuple("ips.ingress.nav-alta-v1", PatternType.LITERAL, AclOperation.DESCRIBE),
                        tuple("ips.inbox.nav-alta-v1", PatternType.LITERAL, AclOperation.READ),
                        tuple("ips.inbox.nav-alta-v1", PatternType.LITERAL, AclOperation.DESCRIBE),
                        tuple("nav-alta-inbox", PatternType.LITERAL, AclOperation.READ),
                        tuple("nav-alta.", PatternType.PREFIXED, AclOperation.READ));
    }

    @Test
    void everyRuleIsForThePartnersOwnKafkaUser() {
        assertThat(PartnerAcls.of("nav-alta", HubTopics.defaults())).extracting(AclBinding::entry)
                .allSatisfy(entry -> assertThat(entry.principal()).isEqualTo("User:nav-alta"));
    }

    @Test
    void aPartnerMayUseItsInboxGroupAndGroupsNamedAfterItWithADot() {
        assertThat(List.of("nav-alta-inbox", "nav-alta.case-system", "nav-alta.x"))
                .allSatisfy(group -> assertThat(mayUseGroup("nav-alta", group)).as(group).isTrue());
    }

    @Test
    void aPartnerMayNotUseTheGroupOfAPartnerWhoseIdStartsWithItsOwn() {
        assertThat(mayUseGroup("nav", "nav-bergenhus-inbox")).isFalse();
    }

    // Partner ids generated so that many are prefixes of others (nav, nav-, nav-b, nav-bergenhus, ...): for no two
    // of them may a group name exist that both may use.
    @Test
    void noTwoPartnersMayUseTheSameGroup() {
        Map<String, List<ResourcePattern>> rules = new LinkedHashMap<>();
        generatedPartnerIds().forEach(id -> rules.put(id, groupRules(id)));
        List<String> shared = new ArrayList<>();
        for (String first : rules.keySet()) {
            for (String second : rules.keySet()) {
                if (!first.equals(second) && overlap(rules.get(first), rules.get(second))) {
                    shared.add(first + " / " + second);
                }
            }
        }
        assertThat(shared).as("pairs of partners with a group both may use").isEmpty();
    }

    @Test
    void noPartnerMayUseAGroupOfTheHub() {
        List<String> reaching = generatedPartnerIds().stream()
                .filter(id -> overlap(groupRules(id), List.of(HUB_GROUPS)))
                .toList();
        assertThat(reaching).as("partners that may use a group named ips-hub...").isEmpty();
    }

    @Test
    void aPartnerIdThatStartsLikeTheHubsGroupsGetsNoRules() {
        assertThatThrownBy(() -> PartnerAcls.of("ips-hub-ingress", HubTopics.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ips-hub");
    }

    private static boolean mayUseGroup(String partnerId, String group) {
        ResourcePatternFilter wanted = new ResourcePatternFilter(ResourceType.GROUP, group, PatternType.MATCH);
        return groupRules(partnerId).stream().anyMatch(wanted::matches);
    }

    private static List<ResourcePattern> groupRules(String partnerId) {
        return PartnerAcls.of(partnerId, HubTopics.defaults()).stream()
                .map(AclBinding::pattern)
                .filter(p -> p.resourceType() == ResourceType.GROUP)
                .toList();
    }

    /** Whether some group name is matched by a rule of each list, as the broker's authorizer matches them. */
    private static boolean overlap(List<ResourcePattern> first, List<ResourcePattern> second) {
        for (ResourcePattern a : first) {
            for (ResourcePattern b : second) {
                if (overlap(a, b)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean overlap(ResourcePattern a, ResourcePattern b) {
        boolean aPrefixed = a.patternType() == PatternType.PREFIXED;
        boolean bPrefixed = b.patternType() == PatternType.PREFIXED;
        if (aPrefixed && bPrefixed) {
            return a.name().startsWith(b.name()) || b.name().startsWith(a.name());
        }
        if (aPrefixed) {
            return b.name().startsWith(a.name());
        }
        if (bPrefixed) {
            return a.name().startsWith(b.name());
        }
        return a.name().equals(b.name());
    }

    /** Valid partner ids, hand-picked ones and random ones each with ids that extend it. */
    private static List<String> generatedPartnerIds() {
        Set<String> ids = new LinkedHashSet<>(List.of("nav", "nav-", "nav-bergenhus", "nav-inbox", "nav-bergenhus-inbox",
                "ips", "ips-", "ips-h", "ips-hu", "i", "unn-ips", "0"));
        Random random = new Random(18);
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789-";
        while (ids.size() < 400) {
            String base = randomId(random, alphabet, 1 + random.nextInt(6));
            ids.add(base);
            ids.add(base + "-");
            ids.add(base + "-" + randomId(random, alphabet, 1 + random.nextInt(6)));
            ids.add(base + randomId(random, alphabet, 1 + random.nextInt(3)));
            ids.add(base + "-inbox");
        }
        return ids.stream().filter(id -> PartnersFileParser.PARTNER_ID.matcher(id).matches()).toList();
    }

    private static String randomId(Random random, String alphabet, int length) {
        StringBuilder id = new StringBuilder();
        id.append(alphabet.charAt(random.nextInt(alphabet.length() - 1)));
        for (int i = 1; i < length; i++) {
            id.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return id.toString();
    }
}
