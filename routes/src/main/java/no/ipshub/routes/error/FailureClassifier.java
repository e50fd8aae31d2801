package no.ipshub.routes.error;

import java.io.IOException;
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
 * Looks through the whole cause chain, since drivers and clients wrap their errors.
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
                    || t instanceof IOException
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
