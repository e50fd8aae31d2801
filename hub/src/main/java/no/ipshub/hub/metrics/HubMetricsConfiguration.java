package no.ipshub.hub.metrics;

import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Kafka client metrics for {@code /actuator/prometheus}. */
@Configuration(proxyBeanMethods = false)
public class HubMetricsConfiguration {

    @Bean
    MeterBinder kafkaClientMetrics() {
        return KafkaClientMetricsReporter::bindTo;
    }
}
