package no.ipshub.registry.core;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import no.ipshub.registry.client.RestSchemaRegistryClient;
import no.ipshub.registry.client.SchemaRegistryClient;
import no.ipshub.registry.core.InMemorySchemaRegistry;

/**
 * Makes a {@link SchemaRegistryClient} from a registry URL the way Confluent's serializers read
 * {@code schema.registry.url}: one or more comma-separated {@code http(s)://} URLs give a
 * {@link RestSchemaRegistryClient}; {@code mock://<scope>} gives the in-memory registry of that scope,
 * one shared instance per scope name, so a serializer and a deserializer configured separately meet.
 */
public final class SchemaRegistryClients {

    public static final String MOCK_SCHEME = "mock://";

    private static final ConcurrentHashMap<String, InMemorySchemaRegistry> MOCK_SCOPES = new ConcurrentHashMap<>();

    private SchemaRegistryClients() {
    }

    /** A client for {@code url}; {@link IllegalArgumentException} when it is blank or mixes mock and real URLs. */
    public static SchemaRegistryClient create(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("A schema registry URL is required");
        }
        List<String> urls = Arrays.stream(url.split(",")).map(String::trim).filter(u -> !u.isEmpty()).toList();
        boolean mock = urls.stream().anyMatch(u -> u.startsWith(MOCK_SCHEME));
        if (!mock) {
            return new RestSchemaRegistryClient(urls);
        }
        if (urls.size() != 1) {
            throw new IllegalArgumentException("A mock:// registry URL cannot be combined with others: " + url);
        }
        return mockScope(urls.get(0).substring(MOCK_SCHEME.length()));
    }

    /** The in-memory registry of {@code scope}, created on first use. */
    public static InMemorySchemaRegistry mockScope(String scope) {
        return MOCK_SCOPES.computeIfAbsent(scope, s -> new InMemorySchemaRegistry());
    }

    /** Forgets the in-memory registry of {@code scope}; the next use of the scope starts empty. */
    public static void dropScope(String scope) {
        MOCK_SCOPES.remove(scope);
    }
}
