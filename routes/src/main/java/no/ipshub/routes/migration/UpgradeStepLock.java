package no.ipshub.routes.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A one-time upgrade step's row in {@code upgrade_step}, locked for as long as this instance runs the step: of the
 * instances sharing the database, one runs it and the others wait, then find it done. The lock is a row lock of an
 * open transaction, so it ends with the connection when its holder dies.
 */
final class UpgradeStepLock implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(UpgradeStepLock.class);
    private static final Duration RETRY = Duration.ofMillis(500);
    private static final Duration REPORT = Duration.ofSeconds(30);

    private final Connection connection;
    private final String step;
    private final boolean done;

    private UpgradeStepLock(Connection connection, String step, boolean done) {
        this.connection = connection;
        this.step = step;
        this.done = done;
    }

    /**
     * Locks the step's row, waiting while another instance holds it.
     *
     * @throws IllegalStateException when another instance held it for longer than {@code atMost}
     */
    static UpgradeStepLock acquire(DataSource dataSource, String step, Duration atMost)
            throws SQLException, InterruptedException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO upgrade_step (step) VALUES (?) ON CONFLICT DO NOTHING")) {
            insert.setString(1, step);
            insert.executeUpdate();
        }
        Connection connection = dataSource.getConnection();
        try {
            connection.setAutoCommit(false);
            long started = System.nanoTime();
            long reportAt = started + REPORT.toNanos();
            while (true) {
                Boolean done = lockedRow(connection, step);
                if (done != null) {
                    return new UpgradeStepLock(connection, step, done);
                }
                connection.rollback();
                long now = System.nanoTime();
                if (now - started > atMost.toNanos()) {
                    throw new IllegalStateException("Upgrade step " + step + " has been running on another instance"
                            + " for over " + atMost + "; starting again waits for it again");
                }
                if (now > reportAt) {
                    log.info("Waiting for another instance to finish upgrade step {}", step);
                    reportAt = now + REPORT.toNanos();
                }
                Thread.sleep(RETRY.toMillis());
            }
        } catch (SQLException | InterruptedException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** Whether the step is done, or null when another transaction holds its row. */
    private static Boolean lockedRow(Connection connection, String step) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT completed_at FROM upgrade_step WHERE step = ? FOR UPDATE SKIP LOCKED")) {
            select.setString(1, step);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getObject(1) != null : null;
            }
        }
    }

    /** True when an instance completed the step before. */
    boolean done() {
        return done;
    }

    /** Records the step as completed and releases the lock. */
    void complete(Instant at) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE upgrade_step SET completed_at = ? WHERE step = ?")) {
            update.setObject(1, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
            update.setString(2, step);
            update.executeUpdate();
        }
        connection.commit();
    }

    /** Releases the lock; a step not completed stays to be run (or resumed) at the next start. */
    @Override
    public void close() throws SQLException {
        try {
            connection.rollback();
        } finally {
            connection.close();
        }
    }
}
