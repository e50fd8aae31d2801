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
                "windowMinutes", "health", "routes", "lag", "deadLetterCounts", "statusOptions", "partnerOptions",
                "reasonOptions", "deadLetters", "partners", "registry", "webhooks"}) {
            values.put(slot, "");
        }

        assertThat(dashboard.render(values)).doesNotContain("{{");
    }
}
