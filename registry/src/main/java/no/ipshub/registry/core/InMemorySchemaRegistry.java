package no.ipshub.registry.core;

import no.ipshub.registry.core.RegistryCore.Outcome;

/**
 * A registry held in memory only, behind {@code mock://<scope>} URLs: the same rules as the embedded
 * registry, for tests that need no broker.
 */
public final class InMemorySchemaRegistry extends CoreBackedSchemaRegistry {

    public InMemorySchemaRegistry() {
        super(new RegistryCore());
    }

    @Override
    protected Outcome submit(RegistryCommand command) {
        return core.apply(command);
    }
}
