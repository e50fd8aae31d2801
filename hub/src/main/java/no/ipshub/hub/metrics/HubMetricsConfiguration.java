package no.ipshub.hub.metrics;

import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Route and Kafka client metrics for {@code /actuator/prometheus}. */
@Configuration(proxyBeanMethods = false)
public class HubMetricsConfiguration {

    @Bean
    CamelRouteMetrics camelRouteMetrics() {
        return new CamelRouteMetrics();
    }

    @Bean
    MeterBinder kafkaClientMetrics() {
        return KafkaClientMetricsReporter::bindTo;
    }
}
