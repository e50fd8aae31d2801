package no.ipshub.log.config;

import static org.assertj.core.api.Assertions.assertThat;

import no.ipshub.log.pseudonym.ResearchKeyException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

class ResearchKeyFailureAnalyzerTest {

    @Test
    void startUpReportSaysWhyTheLogCannotStartAndWhatToSet() {
        ResearchKeyException cause = new ResearchKeyException("no research key: set hub.research.key-file");

        FailureAnalysis analysis = new ResearchKeyFailureAnalyzer()
                .analyze(new BeanCreationException("researchProjectKey", "failed", cause));

        assertThat(analysis.getDescription() + " " + analysis.getAction())
                .contains("The collaboration log cannot start: no research key")
                .contains("hub.research.key-file=");
    }
}
