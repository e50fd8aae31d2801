package db.migration;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * On H2 only, lets {@code inbox_message.seq} hand out values from a cache of 1,000 instead of H2's 32. H2 writes
 * its file whenever it refills a sequence cache (the hub runs it with {@code WRITE_DELAY=0}), so the default
 * cost a file write every 32 delivered messages. H2's cache is one per database, so seq values still follow
 * commit order; a crash only leaves a gap. PostgreSQL keeps a cache of 1: its caches are per connection, and
 * would hand out seq values out of commit order.
 */
public class V1_4__InboxSeqCache extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        if (!"H2".equalsIgnoreCase(context.getConnection().getMetaData().getDatabaseProductName())) {
            return;
        }
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("ALTER TABLE inbox_message ALTER COLUMN seq SET CACHE 1000");
        }
    }
}
