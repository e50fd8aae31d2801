package no.ipshub.registry.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the hub's schema registry is: {@code hub.schema-registry.url} names an external Confluent-compatible
 * registry (one or more comma-separated URLs, or {@code mock://<scope>} in tests); left blank, the hub runs
 * its embedded registry, kept in the compacted Kafka topic {@code hub.schema-registry.topic}.
 */
@ConfigurationProperties("hub.schema-registry")
public record SchemaRegistryProperties(String url, @DefaultValue("_schemas") String topic) {

    /** Whether an external registry is configured. */
    public boolean external() {
        return url != null && !url.isBlank();
    }
}
