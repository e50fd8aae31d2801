package no.ipshub.engine.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import no.ipshub.engine.config.RetryProperties;
import org.junit.jupiter.api.Test;

class RegistryReaderLoopTest {

    private final SupervisedLoops loops = new SupervisedLoops(RetryProperties.defaults(), Duration.ofSeconds(60),
            Clock.systemUTC());
    private final RegistryReaderLoop reader = new RegistryReaderLoop(loops);

    @Test
    void noLoopIsShownUntilTheEmbeddedRegistrysReaderReports() {
        assertThat(loops.statuses()).isEmpty();
    }

    @Test
    void theReadersFailureShowsAsTheLoopRestarting() {
        reader.running();
        reader.failed(new IllegalStateException("the connection to the broker broke"), Duration.ofMillis(400));

        LoopStatus status = loops.status(RegistryReaderLoop.LOOP).orElseThrow();
        assertThat(status.state()).isEqualTo(LoopState.RESTARTING);
        assertThat(status.lastFailure()).isEqualTo("IllegalStateException: the connection to the broker broke");
    }
}
