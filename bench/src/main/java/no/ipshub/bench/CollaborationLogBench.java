package no.ipshub.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import no.ipshub.bench.KafkaPipelines.Keyed;
import no.ipshub.registry.core.SchemaRegistryClients;
import no.ipshub.registry.serde.AvroWireCodec;

/**
 * The collaboration-log route writing to PostgreSQL, against a plain JDBC batch insert of the same rows: a hub
 * on PostgreSQL (a schema of its own in the given database) logs a quarter of the messages as a warm-up, its tables
 * are analysed, and it takes the messages in with its collaboration-log route suspended; then the route is resumed
 * and timed until its consumer group has read everything, and the rows it wrote are inserted again, with JDBC
 * batches of 500 on one connection, into a copy of the table.
 */
final class CollaborationLogBench {

    /** The figures: log entries written per second by the route and by plain JDBC. */
    record Result(int entries, double routeEntriesPerSecond, double jdbcEntriesPerSecond) {
        double ratio() {
            return routeEntriesPerSecond / jdbcEntriesPerSecond;
        }
    }

    private static final String OPERATOR_KEY = "demo-key-operator";
    private static final int JDBC_BATCH = 500;

    private final String jdbcUrl;
    private final String user;

    CollaborationLogBench(String jdbcUrl, String user) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
    }

    /** True when the database answers. */
    boolean reachable() {
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, "")) {
            return c.isValid(5);
        } catch (SQLException e) {
            return false;
        }
    }

    Result run(Path hubJar, Path jvmOptions, List<String> javaOptions, Path workDir, int messages) throws Exception {
        String schema = "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        execute("CREATE SCHEMA " + schema);
        try {
            String url = jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
            try (HubProcess hub = HubProcess.start(hubJar, jvmOptions, javaOptions, workDir, List.of(
                    "--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
                    "--spring.datasource.password="))) {
                KafkaPipelines kafka = new KafkaPipelines(hub.bootstrapServers());
                AvroWireCodec codec = new AvroWireCodec(SchemaRegistryClients.create(hub.baseUrl() + "/registry"),
                        false, false);
                MessageFactory factory = new MessageFactory();
                List<String> inboxes = BenchPartners.navOfficeInboxes();
                // a running hub's route is compiled and its tables hold rows with statistics: warm it up with a
                // quarter of the messages, then ANALYZE (autovacuum may be off), then time the rest
                int warmUp = Math.max(MessageFactory.MESSAGES_PER_CASE, messages / 4 / MessageFactory.MESSAGES_PER_CASE
                        * MessageFactory.MESSAGES_PER_CASE);
                List<Keyed> warmUpRecords = HubBenchmark.ingressRecords(factory, codec, HubBenchmark.WARM_UP_SEQUENCE,
                        warmUp);
                kafka.hubPipeline(warmUpRecords, inboxes, KafkaPipelines.keyPrefixOf(warmUpRecords));
                awaitLogRead(kafka);
                for (String table : List.of("log_entry", "log_case", "log_pending_event", "log_withdrawn_participant",
                        "research_audit")) {
                    execute("ANALYZE " + schema + "." + table);
                }
                int warmUpEntries = count(schema + ".log_entry");
                List<Keyed> records = HubBenchmark.ingressRecords(factory, codec, 0, messages);
                ops(hub, "/api/v1/ops/routes/collaboration-log/suspend");
                kafka.hubPipeline(records, inboxes, KafkaPipelines.keyPrefixOf(records));
                long started = System.nanoTime();
                ops(hub, "/api/v1/ops/routes/collaboration-log/resume");
                awaitLogRead(kafka);
                double routeSeconds = (System.nanoTime() - started) / 1e9;
                int entries = count(schema + ".log_entry") - warmUpEntries;
                double jdbc = jdbcInsert(schema);
                return new Result(entries, entries / routeSeconds, jdbc);
            }
        } finally {
            execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    private static void awaitLogRead(KafkaPipelines kafka) throws Exception {
        kafka.awaitGroupRead("ips-hub-collaboration-log",
                List.of("ips.referral-v1", "ips.followup-v1", "ips.outcome-v1"), Duration.ofMinutes(20));
    }

    /** Rows per second of a plain JDBC batch insert of the route's rows into a copy of its table. */
    private double jdbcInsert(String schema) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        int columns;
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM " + schema + ".log_entry")) {
            ResultSetMetaData meta = rs.getMetaData();
            columns = meta.getColumnCount();
            while (rs.next()) {
                Object[] row = new Object[columns];
                for (int i = 0; i < columns; i++) {
                    row[i] = rs.getObject(i + 1);
                }
                rows.add(row);
            }
        }
        execute("CREATE TABLE " + schema + ".log_entry_copy (LIKE " + schema + ".log_entry INCLUDING ALL)");
        execute("ANALYZE " + schema + ".log_entry_copy");
        String placeholders = String.join(", ", java.util.Collections.nCopies(columns, "?"));
        long started = System.nanoTime();
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, "");
                PreparedStatement insert = c.prepareStatement("INSERT INTO " + schema + ".log_entry_copy VALUES ("
                        + placeholders + ")")) {
            c.setAutoCommit(false);
            int pending = 0;
            for (Object[] row : rows) {
                for (int i = 0; i < columns; i++) {
                    insert.setObject(i + 1, row[i]);
                }
                insert.addBatch();
                if (++pending == JDBC_BATCH) {
                    insert.executeBatch();
                    c.commit();
                    pending = 0;
                }
            }
            insert.executeBatch();
            c.commit();
        }
        return rows.size() / ((System.nanoTime() - started) / 1e9);
    }

    private int count(String table) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, "");
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static void ops(HubProcess hub, String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(hub.baseUrl()
                + path)).header("Authorization", "Bearer " + OPERATOR_KEY).POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": " + response.body());
        }
    }
}
