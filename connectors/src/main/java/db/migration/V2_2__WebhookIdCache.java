package db.migration;

import no.ipshub.routes.migration.H2IdentityCacheMigration;

/**
 * On H2 only, {@code webhook_delivery.id} values come from a cache of 1,000: without it every 32 queued webhook
 * deliveries cost a file write.
 */
public class V2_2__WebhookIdCache extends H2IdentityCacheMigration {

    public V2_2__WebhookIdCache() {
        super("webhook_delivery", "id");
    }
}
