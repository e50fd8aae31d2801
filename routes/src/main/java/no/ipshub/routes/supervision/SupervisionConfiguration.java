package no.ipshub.routes.supervision;

import java.time.Clock;
import no.ipshub.routes.config.RetryProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The registry of the hub's long-running loops, shared by every module. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SupervisionProperties.class)
public class SupervisionConfiguration {

    @Bean
    SupervisedLoops supervisedLoops(RetryProperties retry, SupervisionProperties properties, Clock clock) {
        return new SupervisedLoops(retry, properties.degradedAfter(), clock);
    }
}
