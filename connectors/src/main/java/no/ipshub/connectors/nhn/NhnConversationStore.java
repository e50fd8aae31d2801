package no.ipshub.connectors.nhn;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** The {@code nhn_conversation} table: which hub case a conversation on Norsk helsenett belongs to. */
public class NhnConversationStore {

    /**
     * A conversation.
     *
     * @param ref        the MsgId of its first message
     * @param caseId     the hub case
     * @param nhnPartner the partner on Norsk helsenett
     * @param hubPartner the partner on the other side
     */
    public record Conversation(String ref, String caseId, String nhnPartner, String hubPartner) {
    }

    private final JdbcTemplate jdbc;

    public NhnConversationStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Conversation> find(String ref) {
        if (ref == null || ref.isBlank() || ref.length() > 100) {
            return Optional.empty();
        }
        return jdbc.query("SELECT conversation_ref, case_id, nhn_partner_id, hub_partner_id FROM nhn_conversation"
                + " WHERE conversation_ref = ?", (rs, row) -> new Conversation(rs.getString(1), rs.getString(2),
                rs.getString(3), rs.getString(4)), ref).stream().findFirst();
    }

    /** The first conversation the case has with the partner on Norsk helsenett, if any. */
    public Optional<Conversation> ofCase(String caseId, String nhnPartner) {
        return jdbc.query("SELECT conversation_ref, case_id, nhn_partner_id, hub_partner_id FROM nhn_conversation"
                + " WHERE case_id = ? AND nhn_partner_id = ? ORDER BY opened_at, conversation_ref LIMIT 1",
                (rs, row) -> new Conversation(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                caseId, nhnPartner).stream().findFirst();
    }

    /** Records the conversation; one already recorded under the reference is left as it is. */
    public void open(Conversation conversation, Instant now) {
        jdbc.update("INSERT INTO nhn_conversation (conversation_ref, case_id, nhn_partner_id, hub_partner_id, opened_at)"
                + " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", conversation.ref(), conversation.caseId(),
                conversation.nhnPartner(), conversation.hubPartner(), OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
    }
}
