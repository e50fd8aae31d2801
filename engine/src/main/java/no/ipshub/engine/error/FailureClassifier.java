package no.ipshub.engine.error;

import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import no.ipshub.registry.client.SchemaRegistryException;
import no.ipshub.registry.serde.WireFormatException;
import org.apache.kafka.common.errors.RetriableException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells failures that may pass by themselves (retry with back-off) from failures of one message (dead letter).
 * Looks through the whole cause chain, since drivers and clients wrap their errors. Only a dependency that cannot
 * be reached or answers too late is transient: an I/O failure counts only when it is the network's (a refused or
 * reset connection, a timeout, an unknown host), not when the hub's own encoding of a record fails.
 */
public final class FailureClassifier {

    private FailureClassifier() {
    }

    /** True when retrying later may succeed: a dependency was unreachable, overloaded or timed out. */
    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TransientFailureException
                    || t instanceof RetriableException
                    || t instanceof TransientDataAccessException
                    || t instanceof DataAccessResourceFailureException
                    || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientException
                    || t instanceof SQLRecoverableException
                    || t instanceof SocketException
                    || t instanceof SocketTimeoutException
                    || t instanceof UnknownHostException
                    || t instanceof HttpTimeoutException
                    || t instanceof ClosedChannelException
                    || t instanceof java.util.concurrent.TimeoutException) {
                return true;
            }
            if (t instanceof SchemaRegistryException e && e.isTransient()) {
                return true;
            }
            if (t instanceof WireFormatException e && e.kind() == WireFormatException.Kind.REGISTRY_UNAVAILABLE) {
                return true;
            }
        }
        return false;
    }
}
