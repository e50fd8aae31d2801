package no.ipshub.partners;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import no.ipshub.engine.supervision.LoopKind;
import no.ipshub.engine.supervision.LoopSchedule;
import no.ipshub.engine.supervision.SupervisedLoops;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;

/**
 * The partner directory the hub runs on: the {@code partner} table, read into an in-memory snapshot that every
 * lookup uses (lookups are on the message path and never touch the database) and read again every
 * {@code hub.partners.refresh}, so that a change made on any instance is seen by all within seconds.
 *
 * <p>At start-up an empty table is filled from the partners file; after that the file is not read again and
 * operators change partners at run time. The refresh is the supervised loop {@value #LOOP}: a failed read keeps
 * the last snapshot in use and is tried again, later when reads keep failing.
 */
public class JdbcPartnerDirectory implements PartnerDirectory, AutoCloseable {

    /** The refresh's name in the loops registry and of its thread. */
    public static final String LOOP = "partner-directory-refresh";
    private static final Logger log = LoggerFactory.getLogger(JdbcPartnerDirectory.class);

    private final PartnerStore store;
    private final LoopSchedule refresher;
    private volatile Snapshot snapshot;

    /**
     * Seeds an empty table with {@code seed}'s partners, reads the table and starts refreshing it.
     *
     * @param seed     the partners file's partners; asked only when the table is empty
     * @param interval time between two reads of the table
     */
    public JdbcPartnerDirectory(PartnerStore store, Supplier<List<Partner>> seed, Duration interval,
            SupervisedLoops loops) {
        this.store = store;
        seedIfEmpty(seed);
        this.snapshot = Snapshot.of(store.loadAll());
        log.info("Partner directory holds {} partners ({} active)", snapshot.listed.size(),
                snapshot.listed.stream().filter(Partner::isActive).count());
        this.refresher = LoopSchedule.start(loops.register(LOOP, LoopKind.SCHEDULE), interval, interval, this::refresh);
    }

    @Override
    public Optional<Partner> find(String partnerId) {
        return lookUp(partnerId).filter(Partner::isActive);
    }

    @Override
    public Optional<Partner> lookUp(String partnerId) {
        return partnerId == null ? Optional.empty() : Optional.ofNullable(snapshot.byId.get(partnerId));
    }

    @Override
    public List<Partner> all() {
        return snapshot.listed;
    }

    /** Reads the table now, so that this instance sees its own change at once. */
    public void refresh() {
        snapshot = Snapshot.of(store.loadAll());
    }

    @Override
    public void close() {
        refresher.close();
    }

    private void seedIfEmpty(Supplier<List<Partner>> seed) {
        if (!store.isEmpty()) {
            return;
        }
        List<Partner> partners = seed.get();
        int added = 0;
        for (Partner partner : partners) {
            try {
                store.insert(partner);
                added++;
            } catch (DuplicateKeyException e) {
                // another instance starting at the same time seeded it
            }
        }
        log.info("Partner table was empty: added {} partners from the partners file", added);
    }

    /** The partners as last read: by id (removed ones too) and listed (active and suspended). */
    private record Snapshot(Map<String, Partner> byId, List<Partner> listed) {

        static Snapshot of(List<Partner> partners) {
            Map<String, Partner> byId = new LinkedHashMap<>();
            partners.forEach(p -> byId.put(p.id(), p));
            return new Snapshot(Map.copyOf(byId),
                    partners.stream().filter(p -> p.status() != PartnerStatus.REMOVED).toList());
        }
    }
}
