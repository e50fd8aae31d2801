package no.ipshub.connectors.security;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The accounts operators add while the hub runs (table {@code hub_account}): table readers, with the hashes of their
 * API keys. Held in memory for the request path and read again every {@link #REFRESH} (and at once on this instance
 * after a change), so a change made on any instance holds on all within that time.
 */
public class RunTimeAccounts implements AutoCloseable {

    /** How often every instance reads the accounts again. */
    public static final Duration REFRESH = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(RunTimeAccounts.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ScheduledExecutorService refresher;
    private volatile List<HubSecurityProperties.Account> accounts = List.of();

    public RunTimeAccounts(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        refresh();
        this.refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "run-time-accounts-refresh");
            thread.setDaemon(true);
            return thread;
        });
        refresher.scheduleWithFixedDelay(this::refreshQuietly, REFRESH.toMillis(), REFRESH.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Every account, by name. */
    public List<HubSecurityProperties.Account> all() {
        return accounts;
    }

    public Optional<HubSecurityProperties.Account> find(String name) {
        return accounts.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    /** Adds an account with one key hash; false when the name is taken. */
    public boolean insert(String name, HubRole role, String keyHash) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        return jdbc.update("INSERT INTO hub_account (name, role, api_key_hashes, created_at, updated_at) "
                + "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", name, role.name(), keyHash, now, now) == 1;
    }

    /** Gives the account a new key hash beside its newest old one. */
    public void newKey(String name, String keyHash) {
        HubSecurityProperties.Account current = find(name).orElseThrow();
        String hashes = current.apiKeyHashes().isEmpty() ? keyHash : keyHash + "," + current.apiKeyHashes().get(0);
        jdbc.update("UPDATE hub_account SET api_key_hashes = ?, updated_at = ? WHERE name = ?", hashes,
                OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), name);
    }

    /** Removes the account; false when there was none. */
    public boolean remove(String name) {
        return jdbc.update("DELETE FROM hub_account WHERE name = ?", name) == 1;
    }

    /** Reads the table again now. */
    public void refresh() {
        accounts = List.copyOf(jdbc.query("SELECT name, role, api_key_hashes FROM hub_account ORDER BY name",
                (rs, n) -> new HubSecurityProperties.Account(rs.getString("name"), HubRole.valueOf(rs.getString("role")),
                        Arrays.asList(rs.getString("api_key_hashes").split(",")))));
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            log.warn("Could not read the run-time accounts ({}); keeping the ones read before", e.getClass().getSimpleName());
        }
    }

    @Override
    public void close() {
        refresher.shutdownNow();
    }
}
