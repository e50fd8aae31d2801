package no.ipshub.schemas.bounds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContractBoundsReadmeTest {

    static String markdownRow(List<String> cells) {
        return "| " + String.join(" | ", cells) + " |";
    }

    @Test
    void theReadmeListsEveryBoundAsTheCodeHasIt() throws IOException {
        String readme = Files.readString(Path.of("README.md"));

        assertThat(ContractBounds.table()).allSatisfy(row -> assertThat(readme).contains(markdownRow(row)));
    }
}
