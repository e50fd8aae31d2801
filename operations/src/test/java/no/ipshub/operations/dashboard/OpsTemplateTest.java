package no.ipshub.operations.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class OpsTemplateTest {

    private static final OpsTemplate LOGIN = OpsTemplate.load("ops/login.html");

    @Test
    void aSlotIsReplacedByItsValue() {
        assertThat(LOGIN.render(Map.of("message", "<p>hello</p>"))).contains("<p>hello</p>").doesNotContain("{{");
    }

    @Test
    void aValueThatLooksLikeASlotIsNotFilledInAgain() {
        assertThat(LOGIN.render(Map.of("message", "{{message}}"))).contains("{{message}}");
    }

    @Test
    void aSlotWithoutAValueIsAnError() {
        assertThatThrownBy(() -> LOGIN.render(Map.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everySlotOfTheDashboardIsFilledByTheController() {
        OpsTemplate dashboard = OpsTemplate.load("ops/dashboard.html");
        Map<String, String> values = new java.util.HashMap<>();
        for (String slot : new String[] {"csrfToken", "csrfJson", "operator", "sampleMillis", "sampleSeconds",
                "windowMinutes", "health", "loops", "routes", "lag", "deadLetterCounts", "statusOptions", "partnerOptions",
                "reasonOptions", "deadLetters", "partners", "registry", "webhooks"}) {
            values.put(slot, "");
        }

        assertThat(dashboard.render(values)).doesNotContain("{{");
    }

    @Test
    void aFileOfPartsHoldsOneTemplatePerMarkerLine() {
        OpsTemplate.Parts parts = OpsTemplate.parts("ops-test/parts.html");

        assertThat(parts.byName()).containsOnlyKeys("list", "item");
    }

    @Test
    void aPartLeavesOutLineBreaksBetweenTagsAndSlotsButKeepsSpacesBetweenWords() {
        OpsTemplate.Parts parts = OpsTemplate.parts("ops-test/parts.html");

        String item = parts.get("item").render(OpsTemplate.slots().text("text", "a").text("note", "b"));
        String list = parts.get("list").render(OpsTemplate.slots().text("kind", "plain").html("items", item));

        assertThat(list).isEqualTo("<ul class=\"plain\"><li>a <em>b</em></li></ul>");
    }

    @Test
    void aTextSlotIsEscapedAndAMarkupSlotIsNot() {
        OpsTemplate.Parts parts = OpsTemplate.parts("ops-test/parts.html");

        String list = parts.get("list").render(OpsTemplate.slots()
                .text("kind", "\"><script>")
                .html("items", "<li>kept</li>"));

        assertThat(list).isEqualTo("<ul class=\"&quot;&gt;&lt;script&gt;\"><li>kept</li></ul>");
    }

    @Test
    void aPartThatIsNotInTheFileIsAnError() {
        OpsTemplate.Parts parts = OpsTemplate.parts("ops-test/parts.html");

        assertThatThrownBy(() -> parts.get("table")).isInstanceOf(IllegalArgumentException.class);
    }
}
