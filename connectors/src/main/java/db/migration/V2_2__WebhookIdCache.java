package db.migration;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * On H2 only, lets {@code webhook_delivery.id} hand out values from a cache of 1,000 instead of H2's 32: H2
 * writes its file whenever it refills a sequence cache (the hub runs it with {@code WRITE_DELAY=0}), which at
 * the default meant a file write every 32 queued webhook deliveries. PostgreSQL keeps its default.
 */
public class V2_2__WebhookIdCache extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        if (!"H2".equalsIgnoreCase(context.getConnection().getMetaData().getDatabaseProductName())) {
            return;
        }
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("ALTER TABLE webhook_delivery ALTER COLUMN id SET CACHE 1000");
        }
    }
}
