package no.ipshub.hub.demo;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import no.ipshub.engine.supervision.SupervisedLoops;
import no.ipshub.partners.PartnerDirectory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Starts the demo traffic simulator when {@code hub.demo.enabled} is true (the {@code --demo} flag). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("hub.demo.enabled")
public class DemoConfiguration {

    @Bean
    DemoSimulator demoSimulator(DemoProperties properties, PartnerDirectory partners, Environment environment,
            MeterRegistry meters, SupervisedLoops loops, Clock clock) {
        return new DemoSimulator(properties, partners, environment, meters, loops, clock);
    }
}
