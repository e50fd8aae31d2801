package no.ipshub.routes.error;

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
}
