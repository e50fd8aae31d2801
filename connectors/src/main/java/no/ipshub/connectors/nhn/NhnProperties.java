package no.ipshub.connectors.nhn;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The edge for partners on Norsk helsenett ({@code hub.nhn.*}).
 *
 * @param enabled          false: no endpoint, no routes, no tables read
 * @param herId            the hub's own HER-id in the address register: the sender of its envelopes and receipts,
 *                         and the receiver the EDI 2.0 poller reads for; blank until the hub has one
 * @param name             the hub's name in envelopes and receipts
 * @param maxEnvelopeBytes largest envelope taken in (413 over HTTP, AVVIST from the poller)
 * @param edi              the EDI 2.0 API ("meldingstjener") of Norsk helsenett
 * @param helseId          the HelseID client the EDI 2.0 API is called with
 * @param outbound         sending hub messages to partners that receive over Norsk helsenett
 */
@ConfigurationProperties("hub.nhn")
public record NhnProperties(
        @DefaultValue("true") boolean enabled,
        Long herId,
        @DefaultValue("IPS Collaboration Hub") String name,
        @DefaultValue("2MB") DataSize maxEnvelopeBytes,
        @DefaultValue Edi edi,
        @DefaultValue HelseId helseId,
        @DefaultValue Outbound outbound) {

    /**
     * The EDI 2.0 REST API.
     *
     * @param baseUrl         where it is, e.g. {@code https://api.tjener.test.melding.nhn.no}; blank: nothing is
     *                        sent or polled (outbound messages wait in the outbox)
     * @param pollEnabled     read the hub's incoming messages from the API ({@code GET /Messages} for
     *                        {@code hub.nhn.her-id}), take each in, send its receipt and mark it read
     * @param pollInterval    how often the poller asks for new messages
     * @param messagesPerPoll how many messages one poll asks for (1 to 100)
     * @param connectTimeout  connect timeout of one call
     * @param requestTimeout  time one call may take until its answer
     * @param sourceSystem    the {@code nhn-source-system} header: name and version of the client system
     */
    public record Edi(
            String baseUrl,
            @DefaultValue("false") boolean pollEnabled,
            @DefaultValue("10s") Duration pollInterval,
            @DefaultValue("20") int messagesPerPoll,
            @DefaultValue("5s") Duration connectTimeout,
            @DefaultValue("20s") Duration requestTimeout,
            @DefaultValue("IPS Collaboration Hub, v1") String sourceSystem) {

        public Edi {
            if (messagesPerPoll < 1 || messagesPerPoll > 100) {
                throw new IllegalArgumentException("hub.nhn.edi.messages-per-poll must be between 1 and 100");
            }
        }

        /** Whether an API is configured at all. */
        public boolean configured() {
            return baseUrl != null && !baseUrl.isBlank();
        }
    }

    /**
     * A HelseID client using client credentials with a signed client assertion (private_key_jwt).
     *
     * @param tokenEndpoint  HelseID's token endpoint, e.g. {@code https://helseid-sts.test.nhn.no/connect/token}
     * @param clientId       the hub's client id at HelseID
     * @param privateKeyFile a JSON Web Key (RSA, with its private part) the assertion is signed with
     * @param scope          the scopes asked for, e.g. {@code nhn:msh/api}
     * @param refreshBefore  how long before its expiry a token is replaced
     */
    public record HelseId(
            String tokenEndpoint,
            String clientId,
            String privateKeyFile,
            @DefaultValue("nhn:msh/api") String scope,
            @DefaultValue("60s") Duration refreshBefore) {

        /** Whether a client is configured; without one the API is called without a token (a local stand-in). */
        public boolean configured() {
            return tokenEndpoint != null && !tokenEndpoint.isBlank();
        }
    }

    /**
     * Sending hub messages to partners that receive over Norsk helsenett.
     *
     * @param maxAttempts          tries to post one message before it is parked for operators
     * @param initialBackoff       wait after the first failed try
     * @param maxBackoff           longest wait between two tries (each wait doubles)
     * @param receiptCheckInterval how often the receipt of a sent message is asked for
     * @param receiptTimeout       how long a sent message waits for its receipt before it is parked
     * @param pollInterval         how often due messages and receipts are looked for
     * @param batchSize            most messages sent or checked per instance and poll
     */
    public record Outbound(
            @DefaultValue("8") int maxAttempts,
            @DefaultValue("10s") Duration initialBackoff,
            @DefaultValue("1h") Duration maxBackoff,
            @DefaultValue("30s") Duration receiptCheckInterval,
            @DefaultValue("24h") Duration receiptTimeout,
            @DefaultValue("2s") Duration pollInterval,
            @DefaultValue("20") int batchSize) {

        public Outbound {
            if (maxAttempts < 1 || batchSize < 1) {
                throw new IllegalArgumentException("hub.nhn.outbound.max-attempts and batch-size must be at least 1");
            }
        }
    }
}
