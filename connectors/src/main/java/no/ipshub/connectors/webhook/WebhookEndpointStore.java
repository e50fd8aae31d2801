package no.ipshub.connectors.webhook;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The {@code webhook_endpoint} table: at most one webhook per partner. */
public class WebhookEndpointStore {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public WebhookEndpointStore(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /**
     * Registers or replaces the partner's webhook.
     *
     * @return true when the partner had none before
     */
    public boolean save(WebhookEndpoint endpoint) {
        OffsetDateTime at = OffsetDateTime.ofInstant(endpoint.registeredAt(), ZoneOffset.UTC);
        Boolean created = tx.execute(status -> {
            int updated = update(endpoint, at);
            if (updated > 0) {
                return false;
            }
            int inserted = jdbc.update("INSERT INTO webhook_endpoint (partner_id, url, secret_sealed, key_id, registered_at)"
                    + " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", endpoint.partnerId(), endpoint.url(),
                    endpoint.sealedSecret(), endpoint.keyId(), at);
            if (inserted == 0) {
                // registered by a concurrent request in between; the later one wins
                update(endpoint, at);
                return false;
            }
            return true;
        });
        return Boolean.TRUE.equals(created);
    }

    /** The partner's webhook, if it registered one. */
    public Optional<WebhookEndpoint> find(String partnerId) {
        List<WebhookEndpoint> found = jdbc.query(
                "SELECT partner_id, url, secret_sealed, key_id, registered_at FROM webhook_endpoint WHERE partner_id = ?",
                (rs, row) -> new WebhookEndpoint(rs.getString(1), rs.getString(2), rs.getBytes(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class).toInstant()),
                partnerId);
        return found.stream().findFirst();
    }

    /** Removes the partner's webhook; true when there was one. */
    public boolean delete(String partnerId) {
        return jdbc.update("DELETE FROM webhook_endpoint WHERE partner_id = ?", partnerId) > 0;
    }

    /** The partners that have a webhook. */
    public Set<String> registeredPartners() {
        return new HashSet<>(jdbc.queryForList("SELECT partner_id FROM webhook_endpoint", String.class));
    }

    private int update(WebhookEndpoint endpoint, OffsetDateTime at) {
        return jdbc.update("UPDATE webhook_endpoint SET url = ?, secret_sealed = ?, key_id = ?, registered_at = ?"
                + " WHERE partner_id = ?", endpoint.url(), endpoint.sealedSecret(), endpoint.keyId(), at,
                endpoint.partnerId());
    }

    /** How many partners have a webhook. */
    public int count() {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM webhook_endpoint", Integer.class);
        return n == null ? 0 : n;
    }
}
