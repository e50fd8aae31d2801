package no.ipshub.hub;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HubApplicationTest {

    @Test
    void theDemoFlagBecomesTheDemoProperty() {
        assertThat(HubApplication.springArguments(new String[] {"--server.port=9000", "--demo"}))
            .containsExactly("--server.port=9000", "--hub.demo.enabled=true");
    }
}
