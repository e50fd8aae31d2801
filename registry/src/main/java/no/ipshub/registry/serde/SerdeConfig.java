package no.ipshub.registry.serde;

import java.util.List;
import java.util.Map;
import no.ipshub.registry.client.SchemaRegistryClient;
import no.ipshub.registry.core.SchemaRegistryClients;
import org.apache.kafka.common.config.ConfigException;

/** Reads the serializer and deserializer settings from a Kafka client's configuration map. */
final class SerdeConfig {

    private SerdeConfig() {
    }

    static SchemaRegistryClient client(Map<String, ?> configs, SchemaRegistryClient given) {
        Object injected = configs.get(ConfluentAvroSerializer.SCHEMA_REGISTRY_CLIENT_CONFIG);
        if (given != null) {
            return given;
        }
        if (injected instanceof SchemaRegistryClient client) {
            return client;
        }
        if (injected != null) {
            throw new ConfigException(ConfluentAvroSerializer.SCHEMA_REGISTRY_CLIENT_CONFIG, injected.getClass().getName(),
                    "must be a " + SchemaRegistryClient.class.getName());
        }
        Object url = configs.get(ConfluentAvroSerializer.SCHEMA_REGISTRY_URL_CONFIG);
        String urls = url instanceof List<?> list ? String.join(",", list.stream().map(String::valueOf).toList())
                : url == null ? null : url.toString();
        if (urls == null || urls.isBlank()) {
            throw new ConfigException("Missing required configuration \"" + ConfluentAvroSerializer.SCHEMA_REGISTRY_URL_CONFIG
                    + "\" which has no default value.");
        }
        try {
            return SchemaRegistryClients.create(urls);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(ConfluentAvroSerializer.SCHEMA_REGISTRY_URL_CONFIG, urls, e.getMessage());
        }
    }

    static boolean flag(Map<String, ?> configs, String key, boolean defaultValue) {
        Object value = configs.get(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        String text = value.toString().trim();
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(text);
        }
        throw new ConfigException(key, value, "must be true or false");
    }
}
