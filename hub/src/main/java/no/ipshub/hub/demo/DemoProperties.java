package no.ipshub.hub.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code hub.demo.*} settings of the demo traffic simulator.
 *
 * @param enabled            whether the simulator runs; the {@code --demo} flag sets it
 * @param baseUrl            where the simulated partners send their requests; blank means this hub
 * @param messagesPerSecond  messages per second across all simulated partners
 * @param openCases          cases in progress at the same time
 * @param seed               seed for identifiers and choices; 0 picks a new one at each start
 */
@ConfigurationProperties("hub.demo")
public record DemoProperties(
        @DefaultValue("false") boolean enabled,
        String baseUrl,
        @DefaultValue("2.0") double messagesPerSecond,
        @DefaultValue("40") int openCases,
        @DefaultValue("0") long seed) {

    public DemoProperties {
        if (!(messagesPerSecond > 0 && messagesPerSecond <= 1000)) {
            throw new IllegalArgumentException("hub.demo.messages-per-second must be above 0 and at most 1000");
        }
        if (openCases < 1) {
            throw new IllegalArgumentException("hub.demo.open-cases must be at least 1");
        }
    }
}
