package no.ipshub.routes.inbox;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes partners' inboxes ({@code inbox_message}): each message once per recipient, in one transaction per
 * batch. The recipients' rows in {@code inbox_recipient} are locked first, so a recipient's seq values are
 * handed out in commit order and a reader paging by seq never skips a message that commits late.
 */
@Repository
public class InboxStore {

    private static final String INSERT = "INSERT INTO inbox_message (recipient, message_id, case_id, sender,"
            + " wire_bytes, source_topic, source_partition, source_offset, created_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final TransactionTemplate tx;

    public InboxStore(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.tx = tx;
    }

    /**
     * Stores the deliveries and returns those that still have to go to the inbox topics: the ones stored now,
     * and the ones stored before from the very same canonical record (a redelivery after a crash between
     * storing and producing). A message stored before from another canonical record is a duplicate and left out.
     */
    public List<InboxDelivery> store(List<InboxDelivery> deliveries, Instant at) {
        if (deliveries.isEmpty()) {
            return List.of();
        }
        return tx.execute(status -> storeInTransaction(deliveries, at));
    }

    private List<InboxDelivery> storeInTransaction(List<InboxDelivery> deliveries, Instant at) {
        OffsetDateTime ts = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
        lockRecipients(deliveries, ts);
        int[][] counts = jdbc.batchUpdate(INSERT, deliveries, deliveries.size(), (ps, d) -> {
            ps.setString(1, d.recipient());
            ps.setString(2, d.messageId());
            ps.setString(3, d.caseId());
            ps.setString(4, d.sender());
            ps.setBytes(5, d.wireBytes());
            ps.setString(6, d.sourceTopic());
            ps.setInt(7, d.sourcePartition());
            ps.setLong(8, d.sourceOffset());
            ps.setObject(9, ts);
        });
        List<InboxDelivery> toPublish = new ArrayList<>(deliveries.size());
        List<InboxDelivery> conflicts = new ArrayList<>();
        for (int i = 0; i < deliveries.size(); i++) {
            if (counts[0][i] == 0) {
                conflicts.add(deliveries.get(i));
            } else {
                toPublish.add(deliveries.get(i));
            }
        }
        if (!conflicts.isEmpty()) {
            toPublish.addAll(redeliveriesOfSameRecord(conflicts));
        }
        return toPublish;
    }

    private void lockRecipients(List<InboxDelivery> deliveries, OffsetDateTime ts) {
        // sorted, so two batches lock shared recipients in the same order and cannot deadlock
        Set<String> recipients = new TreeSet<>();
        deliveries.forEach(d -> recipients.add(d.recipient()));
        for (String recipient : recipients) {
            int updated = jdbc.update("UPDATE inbox_recipient SET last_delivery_at = ? WHERE recipient = ?", ts, recipient);
            if (updated == 0) {
                jdbc.update("INSERT INTO inbox_recipient (recipient, last_delivery_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
                        recipient, ts);
                jdbc.update("UPDATE inbox_recipient SET last_delivery_at = ? WHERE recipient = ?", ts, recipient);
            }
        }
    }

    private List<InboxDelivery> redeliveriesOfSameRecord(List<InboxDelivery> conflicts) {
        Map<String, List<InboxDelivery>> byRecipient = new LinkedHashMap<>();
        conflicts.forEach(d -> byRecipient.computeIfAbsent(d.recipient(), k -> new ArrayList<>()).add(d));
        List<InboxDelivery> again = new ArrayList<>();
        for (Map.Entry<String, List<InboxDelivery>> e : byRecipient.entrySet()) {
            Set<String> sameRecord = new HashSet<>();
            Map<String, InboxDelivery> byId = new LinkedHashMap<>();
            e.getValue().forEach(d -> byId.putIfAbsent(d.messageId(), d));
            named.query("SELECT message_id, source_topic, source_partition, source_offset FROM inbox_message"
                            + " WHERE recipient = :recipient AND message_id IN (:ids)",
                    Map.of("recipient", e.getKey(), "ids", List.copyOf(byId.keySet())),
                    rs -> {
                        InboxDelivery d = byId.get(rs.getString(1));
                        if (d != null && d.sameSourceAs(rs.getString(2), rs.getInt(3), rs.getLong(4))) {
                            sameRecord.add(d.messageId());
                        }
                    });
            e.getValue().stream().filter(d -> sameRecord.remove(d.messageId())).forEach(again::add);
        }
        return again;
    }
}
