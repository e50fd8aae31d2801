package no.ipshub.hub.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import no.ipshub.hub.docs.DocsPage.Expectation;
import org.junit.jupiter.api.Test;

class DocsPageTest {

    private static final String PAGE = """
            # A page

            ```bash
            curl -s http://localhost:8080/a \\
              -H 'Authorization: Bearer k'
            # HTTP 200: {"a":1,
            #            "b":2}
            curl -s http://localhost:8080/b
            # HTTP 404: {}
            ```

            ```json
            {"status":500}
            ```

            ```bash
            KEY=$(echo x)
            ```
            """;

    @Test
    void readsTheBashBlocksOnlyWithTheLineOfTheirFirstCommand() {
        DocsPage page = DocsPage.parse("page.md", PAGE);

        assertThat(page.blocks()).extracting(DocsPage.Block::firstLine).containsExactly(4, 17);
        assertThat(page.blocks().get(1).lines()).containsExactly("KEY=$(echo x)");
    }

    @Test
    void eachHttpCommentStatesTheStatusOfItsLine() {
        assertThat(DocsPage.parse("page.md", PAGE).expectations()).containsExactly(
                new Expectation("page.md", 6, 200), new Expectation("page.md", 9, 404));
    }

    @Test
    void theScriptKeepsEveryCommandAndChecksRightAfterEachHttpComment() {
        List<String> script = DocsPage.parse("page.md", PAGE).script("check").lines().toList();

        assertThat(script).containsSubsequence(
                "curl -s http://localhost:8080/a \\", "  -H 'Authorization: Bearer k'",
                "# HTTP 200: {\"a\":1,", "check page.md 6 200", "#            \"b\":2}",
                "curl -s http://localhost:8080/b", "# HTTP 404: {}", "check page.md 9 404", "KEY=$(echo x)");
        assertThat(script).doesNotContain("{\"status\":500}");
    }

    @Test
    void aBlockThatRunsTheJarIsLeftOutWithItsStatuses() {
        DocsPage page = DocsPage.parse("page.md", """
                ```bash
                java -jar hub/target/ips-hub.jar --generate-api-key
                # HTTP 200: not an answer
                ```

                ```bash
                curl -s http://localhost:8080/c
                # HTTP 201: {}
                ```
                """);

        assertThat(page.expectations()).containsExactly(new Expectation("page.md", 8, 201));
        assertThat(page.script("check")).doesNotContain("java -jar").contains("check page.md 8 201");
    }

    @Test
    void anUnclosedBlockIsAnError() {
        assertThatThrownBy(() -> DocsPage.parse("page.md", "```bash\ncurl -s x\n"))
                .hasMessageContaining("page.md: the bash block of line 2 is never closed");
    }
}
