package no.ipshub.engine.supervision;

import java.time.Duration;
import no.ipshub.registry.embedded.EmbeddedSchemaRegistry;

/**
 * The embedded schema registry's log reader as the supervised loop {@value #LOOP}: the registry restarts its reader
 * itself and tells this listener, which reports to the loops registry. Registered at the reader's first report, so
 * a hub using an external registry shows no such loop.
 */
final class RegistryReaderLoop implements EmbeddedSchemaRegistry.ReaderListener {

    static final String LOOP = "schema-registry-reader";

    private final SupervisedLoops loops;
    private volatile LoopHandle handle;

    RegistryReaderLoop(SupervisedLoops loops) {
        this.loops = loops;
    }

    @Override
    public void running() {
        handle().running();
    }

    @Override
    public void failed(Throwable failure, Duration retryIn) {
        handle().failed(failure, retryIn);
    }

    @Override
    public void stopped() {
        handle().stopped();
    }

    private LoopHandle handle() {
        LoopHandle h = handle;
        if (h == null) {
            synchronized (this) {
                if (handle == null) {
                    handle = loops.register(LOOP, LoopKind.THREAD);
                }
                h = handle;
            }
        }
        return h;
    }
}
