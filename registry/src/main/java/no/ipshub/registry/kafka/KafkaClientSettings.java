package no.ipshub.registry.kafka;

import java.util.Map;

/**
 * Where the hub's Kafka cluster is and how to reach it: the one place every producer, consumer, admin
 * client and Camel endpoint takes its connection settings from.
 *
 * <p>Injecting this bean also orders start-up and shutdown: when the hub runs its embedded broker, the
 * broker is the implementation, so it starts before and stops after everything that talks to it.
 */
public interface KafkaClientSettings {

    /** The {@code bootstrap.servers} list, e.g. {@code 127.0.0.1:9092}. */
    String bootstrapServers();

    /**
     * The settings common to all clients: {@code bootstrap.servers} plus any security settings
     * ({@code security.protocol}, SASL) configured for the cluster. A fresh, mutable map.
     */
    Map<String, Object> commonProperties();

    /** How many brokers the cluster has, to choose replication factor and {@code min.insync.replicas}. */
    int clusterSize();
}
