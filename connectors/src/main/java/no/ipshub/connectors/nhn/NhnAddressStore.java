package no.ipshub.connectors.nhn;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/** The {@code nhn_address} table: partners' HER-ids, changed at run time by operators. */
public class NhnAddressStore {

    private static final RowMapper<NhnAddress> ROWS = (rs, row) -> new NhnAddress(rs.getString(1), rs.getLong(2),
            (Long) rs.getObject(3, Long.class), rs.getBoolean(4));
    private static final String COLUMNS = "partner_id, her_id, organisation_her_id, deliver_over_nhn";

    private final JdbcTemplate jdbc;

    public NhnAddressStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<NhnAddress> ofPartner(String partnerId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM nhn_address WHERE partner_id = ?", ROWS, partnerId).stream()
                .findFirst();
    }

    public Optional<NhnAddress> ofHerId(long herId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM nhn_address WHERE her_id = ?", ROWS, herId).stream().findFirst();
    }

    /** Every partner with an address. */
    public List<NhnAddress> all() {
        return jdbc.query("SELECT " + COLUMNS + " FROM nhn_address ORDER BY partner_id", ROWS);
    }

    /**
     * Sets the partner's address, replacing the one it had.
     *
     * @throws org.springframework.dao.DuplicateKeyException when another partner has the HER-id
     */
    public void put(NhnAddress address, Instant now) {
        OffsetDateTime ts = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        int updated = jdbc.update("UPDATE nhn_address SET her_id = ?, organisation_her_id = ?, deliver_over_nhn = ?,"
                + " changed_at = ? WHERE partner_id = ?", address.herId(), address.organisationHerId(),
                address.deliverOverNhn(), ts, address.partnerId());
        if (updated == 0) {
            jdbc.update("INSERT INTO nhn_address (partner_id, her_id, organisation_her_id, deliver_over_nhn, changed_at)"
                    + " VALUES (?, ?, ?, ?, ?)", address.partnerId(), address.herId(), address.organisationHerId(),
                    address.deliverOverNhn(), ts);
        }
    }

    /** Removes the partner's address; false when it had none. */
    public boolean remove(String partnerId) {
        return jdbc.update("DELETE FROM nhn_address WHERE partner_id = ?", partnerId) > 0;
    }
}
