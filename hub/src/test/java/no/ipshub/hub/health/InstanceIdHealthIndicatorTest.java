package no.ipshub.hub.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import no.ipshub.routes.instance.InstanceHeartbeat;
import no.ipshub.routes.instance.InstanceLease;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

class InstanceIdHealthIndicatorTest {

    private static final InstanceHeartbeat SELF = new InstanceHeartbeat("token-1", 101, "hub-1");
    private static final InstanceHeartbeat OTHER = new InstanceHeartbeat("token-2", 202, "hub-2");

    @Test
    void anInstanceWhoseIdIsItsOwnIsUp() {
        InstanceIdHealthIndicator indicator = new InstanceIdHealthIndicator(
                () -> new InstanceLease.Status("hub-1", SELF, null, Instant.now()));

        assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void anInstanceWhoseIdAnotherProcessUsesIsDownNamingTheOtherHost() {
        InstanceIdHealthIndicator indicator = new InstanceIdHealthIndicator(
                () -> new InstanceLease.Status("hub-1", SELF, OTHER, Instant.now()));

        assertThat(indicator.health()).satisfies(health -> {
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsEntry("otherHost", "hub-2");
        });
    }
}
