package no.ipshub.engine.config;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The engine's settings ({@code hub.routes.consumer}, {@code .producer}, {@code .retry}) and the hub's one clock. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({RetryProperties.class, ProducerProperties.class, ConsumerProperties.class})
public class EngineConfiguration {

    /** Every module reads the time from here, so that a test can hold it still. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
