package no.ipshub.log.pseudonym;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import no.ipshub.log.ResearchProperties;
import no.ipshub.log.support.LogFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectKeyTest {

    @TempDir
    Path dir;

    private static ResearchProperties properties(String project, String key, String keyFile, boolean generate) {
        return new ResearchProperties(true, project, key, keyFile, generate, 5, 100, 10000, Duration.ofDays(30),
                Duration.ofHours(8));
    }

    @Test
    void missingKeyStopsStartUpNamingTheSettings() {
        assertThatThrownBy(() -> ProjectKey.from(properties("ipsnor", null, null, false)))
                .isInstanceOf(ResearchKeyException.class)
                .hasMessageContaining("hub.research.key-file")
                .hasMessageContaining("hub.research.key");
    }

    @Test
    void keyShorterThan32BytesStopsStartUpWithItsLengthButNotItsValue() {
        String shortKey = "only-twenty-bytes-ok";
        assertThatThrownBy(() -> ProjectKey.from(properties("ipsnor", shortKey, null, false)))
                .isInstanceOf(ResearchKeyException.class)
                .hasMessageContaining("has 20 bytes; at least 32")
                .message().doesNotContain(shortKey);
    }

    @Test
    void missingProjectStopsStartUp() {
        assertThatThrownBy(() -> ProjectKey.from(properties(null, LogFixtures.KEY_BASE64, null, false)))
                .isInstanceOf(ResearchKeyException.class)
                .hasMessageContaining("hub.research.project");
    }

    @Test
    void base64KeyIsDecoded() {
        ProjectKey key = ProjectKey.from(properties("ipsnor", LogFixtures.KEY_BASE64, null, false));

        assertThat(key.keyBytes()).isEqualTo(LogFixtures.KEY);
    }

    @Test
    void keyFileBytesAreTheKey() throws Exception {
        Path file = dir.resolve("research.key");
        Files.write(file, LogFixtures.KEY);

        assertThat(ProjectKey.from(properties("ipsnor", null, file.toString(), false)).keyBytes()).isEqualTo(LogFixtures.KEY);
    }

    @Test
    void missingKeyFileIsGeneratedWith32RandomBytesWhenAskedTo() {
        Path file = dir.resolve("sub/research.key");

        ProjectKey key = ProjectKey.from(properties("demo", null, file.toString(), true));

        assertThat(file).exists().hasSize(32);
        assertThat(ProjectKey.from(properties("demo", null, file.toString(), false)).keyBytes()).isEqualTo(key.keyBytes());
    }

    @Test
    void missingKeyFileIsAnErrorWhenNotAskedToGenerate() {
        assertThatThrownBy(() -> ProjectKey.from(properties("ipsnor", null, dir.resolve("none.key").toString(), false)))
                .isInstanceOf(ResearchKeyException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void toStringNeverShowsTheKey() {
        String printed = LogFixtures.projectKey() + " " + properties("ipsnor", LogFixtures.KEY_BASE64, null, false);

        assertThat(printed).doesNotContain(new String(LogFixtures.KEY, StandardCharsets.UTF_8))
                .doesNotContain(LogFixtures.KEY_BASE64).contains("redacted");
    }
}
