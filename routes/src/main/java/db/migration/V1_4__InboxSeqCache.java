package db.migration;

import no.ipshub.routes.migration.H2IdentityCacheMigration;

/**
 * On H2 only, {@code inbox_message.seq} values come from a cache of 1,000: without it every 32 delivered
 * messages cost a file write. Seq still follows commit order, which the inbox cursor relies on.
 */
public class V1_4__InboxSeqCache extends H2IdentityCacheMigration {

    public V1_4__InboxSeqCache() {
        super("inbox_message", "seq");
    }
}
