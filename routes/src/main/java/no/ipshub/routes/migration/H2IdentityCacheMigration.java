package no.ipshub.routes.migration;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * A migration that, on H2 only, lets an identity column hand out values from a cache of 1,000 instead of H2's
 * 32. H2 writes its file whenever it refills a sequence cache (the hub runs it with {@code WRITE_DELAY=0}), so
 * the default cost a file write every 32 inserted rows. H2's cache is one per database, so values still come
 * in order; a crash only leaves a gap. PostgreSQL keeps its cache of 1: its caches are per connection, and
 * would hand out values out of commit order.
 */
public abstract class H2IdentityCacheMigration extends BaseJavaMigration {

    private static final int CACHE = 1000;

    private final String table;
    private final String column;

    protected H2IdentityCacheMigration(String table, String column) {
        this.table = table;
        this.column = column;
    }

    @Override
    public void migrate(Context context) throws Exception {
        if (!"H2".equalsIgnoreCase(context.getConnection().getMetaData().getDatabaseProductName())) {
            return;
        }
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("ALTER TABLE " + table + " ALTER COLUMN " + column + " SET CACHE " + CACHE);
        }
    }
}
