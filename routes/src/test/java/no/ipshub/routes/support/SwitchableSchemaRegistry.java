package no.ipshub.routes.support;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import no.ipshub.registry.client.SchemaRegistryClient;
import no.ipshub.registry.client.SchemaRegistryException;

/**
 * A schema registry a test can take away and bring back: while it is down every call fails as an unreachable
 * registry does; otherwise each call goes to the registry it wraps.
 */
public final class SwitchableSchemaRegistry {

    private final SchemaRegistryClient client;
    private volatile boolean down;

    public SwitchableSchemaRegistry(SchemaRegistryClient registry) {
        this.client = (SchemaRegistryClient) Proxy.newProxyInstance(SchemaRegistryClient.class.getClassLoader(),
                new Class<?>[] {SchemaRegistryClient.class}, (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return method.invoke(registry, args);
                    }
                    if (down) {
                        throw new SchemaRegistryException(SchemaRegistryException.UNREACHABLE,
                                "the test took the registry away");
                    }
                    try {
                        return method.invoke(registry, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** The registry as the application sees it. */
    public SchemaRegistryClient client() {
        return client;
    }

    public void down() {
        down = true;
    }

    public void up() {
        down = false;
    }
}
