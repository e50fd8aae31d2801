package no.ipshub.hub.health;

import no.ipshub.registry.client.SchemaRegistryClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/** The schema registry answers: the embedded one in this process, or the external one over HTTP. */
public class RegistryHealthIndicator extends AbstractHealthIndicator {

    private final ObjectProvider<SchemaRegistryClient> registry;

    public RegistryHealthIndicator(ObjectProvider<SchemaRegistryClient> registry) {
        super("Schema registry health check failed");
        this.registry = registry;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        SchemaRegistryClient client = registry.getIfAvailable();
        if (client == null) {
            builder.down().withDetail("reason", "no schema registry client is configured");
            return;
        }
        builder.up().withDetail("subjects", client.getSubjects().size());
    }
}
