package no.ipshub.web.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PageTemplatesTest {

    @Test
    void markupInValuesIsEscaped() {
        assertThat(PageTemplates.escape("<script>alert('x') & \"y\"</script>"))
                .isEqualTo("&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;");
    }

    @Test
    void aValueIsEscapedInTextAndInAttributes() {
        String list = PageTemplates.render("web-test/list", Model.of("kind", "\"><script>")
                .with("items", List.of(Model.of("text", "<b>kept out</b>"))));

        assertThat(list).contains("<ul class=\"&quot;&gt;&lt;script&gt;\"><li>&lt;b&gt;kept out&lt;/b&gt;</li></ul>");
    }

    @Test
    void aValueThatLooksLikeATagIsNotFilledInAgain() {
        String list = PageTemplates.render("web-test/list", Model.of("kind", "{{kind}}")
                .with("items", List.of(Model.of("text", "{{text}}"))));

        assertThat(list).contains("class=\"{{kind}}\"").contains("<li>{{text}}</li>");
    }

    @Test
    void anEmptyListDrawsTheInvertedSectionAndANullValueNothing() {
        String list = PageTemplates.render("web-test/list", Model.of("kind", null).with("items", List.of())
                .with("empty", "none"));

        assertThat(list).contains("<ul class=\"\"><li>none</li></ul>");
    }

    @Test
    void aValueTheModelLacksIsAnError() {
        assertThatThrownBy(() -> PageTemplates.render("web-test/list", Model.of("items", List.of())))
                .isInstanceOf(RuntimeException.class);
    }

    @Test
    void aTemplateThatIsNotThereIsAnError() {
        assertThatThrownBy(() -> PageTemplates.get("web-test/none")).isInstanceOf(IllegalStateException.class);
    }
}
