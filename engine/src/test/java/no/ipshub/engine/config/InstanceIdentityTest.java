package no.ipshub.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

class InstanceIdentityTest {

    @TempDir
    Path dataDir;

    @Test
    void configuredIdWins() {
        MockEnvironment environment = new MockEnvironment().withProperty("hub.instance-id", "hub-1")
                .withProperty("hub.data-dir", dataDir.toString());

        assertThat(InstanceIdentity.from(environment).id()).isEqualTo("hub-1");
    }

    @Test
    void idKeptInTheDataDirectoryIsTheSameAfterARestart() {
        MockEnvironment environment = new MockEnvironment().withProperty("hub.data-dir", dataDir.toString());

        assertThat(InstanceIdentity.from(environment)).isEqualTo(InstanceIdentity.from(environment));
    }

    @Test
    void instancesWithDataDirectoriesOfTheirOwnGetDifferentIds() {
        MockEnvironment first = new MockEnvironment().withProperty("hub.data-dir", dataDir.resolve("a").toString());
        MockEnvironment second = new MockEnvironment().withProperty("hub.data-dir", dataDir.resolve("b").toString());

        assertThat(InstanceIdentity.from(first)).isNotEqualTo(InstanceIdentity.from(second));
    }

    @Test
    void instancesOnRandomPortsWithoutDataDirectoryGetDifferentIds() {
        MockEnvironment environment = new MockEnvironment().withProperty("server.port", "0");

        assertThat(InstanceIdentity.from(environment)).isNotEqualTo(InstanceIdentity.from(environment));
    }

    @Test
    void idWithCharactersKafkaIdsShouldNotHoldIsRefused() {
        assertThatThrownBy(() -> new InstanceIdentity("hub 1/prod")).isInstanceOf(IllegalArgumentException.class);
    }
}
