package no.ipshub.routes.instance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class InstanceHeartbeatTest {

    @Test
    void aHeartbeatReadsBackAsWritten() {
        InstanceHeartbeat heartbeat = new InstanceHeartbeat("3f1c9a52-7d4e-4b8a-9c21-5e0f6a7b8c90", 4242, "hub-1.example");

        assertThat(InstanceHeartbeat.parse(heartbeat.toBytes())).isEqualTo(heartbeat);
    }

    @Test
    void aValueThatIsNoHeartbeatIsReadAsAnUnknownProcess() {
        InstanceHeartbeat parsed = InstanceHeartbeat.parse("\u0000garbage;pid=x;host=<script>".getBytes(StandardCharsets.UTF_8));

        assertThat(parsed).isEqualTo(new InstanceHeartbeat("unknown", -1, "_script_"));
    }

    @Test
    void twoProcessesGetTokensOfTheirOwn() {
        assertThat(InstanceHeartbeat.ofThisProcess().token()).isNotEqualTo(InstanceHeartbeat.ofThisProcess().token());
    }
}
