package no.ipshub.registry.client;

import org.apache.avro.Schema;

/**
 * Registers the hub's own value schemas. The hub holds its subjects to BACKWARD_TRANSITIVE, stricter than
 * the registry's BACKWARD default: a new version must read data written with every earlier one, since
 * compacted and replayed topics keep old records for good.
 */
public final class HubSubjects {

    public static final String HUB_LEVEL = "BACKWARD_TRANSITIVE";

    private HubSubjects() {
    }

    /**
     * Sets subject {@code <topic>-value} to BACKWARD_TRANSITIVE (unless that is already the level in force)
     * and registers {@code schema} under it; returns the schema's global id. Throws
     * {@link SchemaRegistryException} 409 when the schema breaks an earlier version.
     */
    public static int ensureRegistered(SchemaRegistryClient registry, String topic, Schema schema) {
        String subject = topic + "-value";
        if (!HUB_LEVEL.equals(registry.getCompatibility(subject))) {
            registry.setCompatibility(subject, HUB_LEVEL);
        }
        return registry.register(subject, schema);
    }
}
