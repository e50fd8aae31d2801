package no.ipshub.registry.client;

import java.util.Map;
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

    /**
     * {@link #ensureRegistered(SchemaRegistryClient, String, Schema)} for each topic whose subject does not hold
     * its schema as the newest version yet, read in one listing of the registry: a restart with unchanged
     * schemas writes nothing. A subject that already holds its schema keeps the level it has, set when the hub
     * registered it. Returns how many subjects were registered (or had their level set) now.
     */
    public static int ensureRegistered(SchemaRegistryClient registry, Map<String, Schema> schemasByTopic) {
        Map<String, SchemaRegistryClient.SubjectVersion> latest = registry.latestVersions(commonPrefix(schemasByTopic));
        int registered = 0;
        for (Map.Entry<String, Schema> topic : schemasByTopic.entrySet()) {
            SchemaRegistryClient.SubjectVersion held = latest.get(topic.getKey() + "-value");
            if (held == null || !held.schema().equals(topic.getValue())) {
                ensureRegistered(registry, topic.getKey(), topic.getValue());
                registered++;
            }
        }
        return registered;
    }

    /** The longest start all topics share, so that the listing holds the hub's subjects only. */
    static String commonPrefix(Map<String, Schema> schemasByTopic) {
        String prefix = null;
        for (String topic : schemasByTopic.keySet()) {
            if (prefix == null) {
                prefix = topic;
            } else {
                int length = 0;
                while (length < prefix.length() && length < topic.length() && prefix.charAt(length) == topic.charAt(length)) {
                    length++;
                }
                prefix = prefix.substring(0, length);
            }
        }
        return prefix == null ? "" : prefix;
    }
}
