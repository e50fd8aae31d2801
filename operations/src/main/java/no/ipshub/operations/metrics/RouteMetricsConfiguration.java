package no.ipshub.operations.metrics;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Route metrics for {@code /actuator/prometheus} and the operations pages. */
@Configuration(proxyBeanMethods = false)
public class RouteMetricsConfiguration {

    @Bean
    CamelRouteMetrics camelRouteMetrics() {
        return new CamelRouteMetrics();
    }
}
