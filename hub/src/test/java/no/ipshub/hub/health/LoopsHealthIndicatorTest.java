package no.ipshub.hub.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import no.ipshub.engine.config.RetryProperties;
import no.ipshub.engine.supervision.LoopHandle;
import no.ipshub.engine.supervision.LoopKind;
import no.ipshub.engine.supervision.SupervisedLoops;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class LoopsHealthIndicatorTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-02T08:00:00Z"));
    private final SupervisedLoops loops = new SupervisedLoops(RetryProperties.defaults(), Duration.ofSeconds(60),
            new Clock() {
                @Override
                public ZoneId getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return now.get();
                }
            });
    private final LoopsHealthIndicator indicator = new LoopsHealthIndicator(loops);

    @Test
    void runningLoopsAreUpAndListedWithTheirState() {
        loops.register("intake-replies", LoopKind.THREAD);
        loops.register("inbox-readers", LoopKind.POOL);

        Health health = indicator.health(true);

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("running", 2);
        assertThat(loop(health, "intake-replies")).containsEntry("state", "RUNNING").containsEntry("kind", "THREAD");
    }

    @Test
    void aRestartingLoopIsADetailOfAnUpComponent() {
        loops.register("intake-replies", LoopKind.THREAD).failed(new IllegalStateException("broker away"));

        Health health = indicator.health(true);

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("restarting", 1);
        assertThat(loop(health, "intake-replies")).containsEntry("state", "RESTARTING").containsEntry("attempts", 1)
                .containsEntry("lastFailure", "IllegalStateException: broker away");
    }

    @Test
    void aLoopFailingOnEveryTryPastTheBoundMakesTheComponentDegraded() {
        LoopHandle replies = loops.register("intake-replies", LoopKind.THREAD);
        replies.failed(new IllegalStateException("broker away"));
        now.updateAndGet(t -> t.plusSeconds(61));
        replies.failed(new IllegalStateException("broker away"));

        Health health = indicator.health(true);

        assertThat(health.getStatus()).isEqualTo(LoopsHealthIndicator.DEGRADED);
        assertThat(loop(health, "intake-replies")).containsEntry("degraded", true);
    }

    @Test
    void aLoopThatGaveUpMakesTheComponentDownAndSaysWhichAndWhy() {
        loops.register("ops-sampler", LoopKind.SCHEDULE);
        loops.register("intake-replies", LoopKind.THREAD)
                .down("a restart cannot help: NoClassDefFoundError: org/apache/kafka/clients/consumer/KafkaConsumer");

        Health health = indicator.health(true);

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("down", 1);
        assertThat(loop(health, "intake-replies")).containsEntry("state", "DOWN").containsEntry("reason",
                "a restart cannot help: NoClassDefFoundError: org/apache/kafka/clients/consumer/KafkaConsumer");
    }

    @Test
    void aFailureQuotingANationalIdShowsItMasked() {
        loops.register("ops-sampler", LoopKind.SCHEDULE)
                .failed(new IllegalArgumentException("participant 01018012345 not found"));

        Health health = indicator.health(true);

        assertThat(loop(health, "ops-sampler").get("lastFailure").toString()).doesNotContain("01018012345")
                .contains("[masked]");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> loop(Health health, String name) {
        return (Map<String, Object>) ((Map<String, Object>) health.getDetails().get("loops")).get(name);
    }
}
