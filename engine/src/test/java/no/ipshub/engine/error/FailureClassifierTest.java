package no.ipshub.engine.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransientConnectionException;
import no.ipshub.registry.client.SchemaRegistryException;
import no.ipshub.registry.serde.WireFormatException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

class FailureClassifierTest {

    @Test
    void unreachableRegistryIsTransient() {
        assertThat(FailureClassifier.isTransient(new SchemaRegistryException(SchemaRegistryException.UNREACHABLE, "down")))
                .isTrue();
    }

    @Test
    void registryThatDoesNotKnowTheSchemaIsNotTransient() {
        assertThat(FailureClassifier.isTransient(new SchemaRegistryException(40403, "no such schema"))).isFalse();
    }

    @Test
    void decodeFailureBecauseTheRegistryIsAwayIsTransient() {
        assertThat(FailureClassifier.isTransient(
                new WireFormatException(WireFormatException.Kind.REGISTRY_UNAVAILABLE, "down"))).isTrue();
    }

    @Test
    void malformedAvroIsNotTransient() {
        assertThat(FailureClassifier.isTransient(
                new WireFormatException(WireFormatException.Kind.MALFORMED_AVRO, "bad"))).isFalse();
    }

    @Test
    void databaseConnectionFailureIsTransient() {
        assertThat(FailureClassifier.isTransient(new CannotGetJdbcConnectionException("pool exhausted",
                new SQLTransientConnectionException("timeout")))).isTrue();
    }

    @Test
    void kafkaTimeoutWrappedInAnotherExceptionIsTransient() {
        assertThat(FailureClassifier.isTransient(new IllegalStateException("send failed", new TimeoutException("no ack"))))
                .isTrue();
    }

    @Test
    void programmingErrorIsNotTransient() {
        assertThat(FailureClassifier.isTransient(new NullPointerException())).isFalse();
    }

    /* The reply encoder once threw an UncheckedIOException on a too-long text; counted as transient, the batch
       holding it was read again forever. */
    @Test
    void failureToEncodeARecordInMemoryIsNotTransient() {
        assertThat(FailureClassifier.isTransient(new java.io.UncheckedIOException(
                new java.io.UTFDataFormatException("encoded string too long: 70000 bytes")))).isFalse();
    }

    @Test
    void refusedConnectionIsTransient() {
        assertThat(FailureClassifier.isTransient(new IllegalStateException("registry",
                new java.net.ConnectException("Connection refused")))).isTrue();
    }
}
