package no.ipshub.partners;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import no.ipshub.schemas.v1.Sector;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/** The {@code partner} table: every partner the hub knows, removed ones included. */
public class PartnerStore {

    private static final String COLUMNS = "id, display_name, sector, organisation, token_organisation, status, "
            + "api_keys_enabled, api_key_hashes";
    private static final RowMapper<Partner> ROWS = PartnerStore::partner;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public PartnerStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Every partner, in the order they were listed or added. */
    public List<Partner> loadAll() {
        return jdbc.query("SELECT " + COLUMNS + " FROM partner ORDER BY listed_as, id", ROWS);
    }

    /** The partner with this id whatever its status. */
    public Optional<Partner> load(String id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM partner WHERE id = ?", ROWS, id).stream().findFirst();
    }

    /** Whether the table has no partner at all. */
    public boolean isEmpty() {
        Integer any = jdbc.queryForObject("SELECT COUNT(*) FROM partner", Integer.class);
        return any == null || any == 0;
    }

    /**
     * Adds a partner after the last one listed.
     *
     * @throws org.springframework.dao.DuplicateKeyException when its id is taken, by a removed partner too
     */
    public void insert(Partner p) {
        jdbc.update("INSERT INTO partner (id, listed_as, display_name, sector, organisation, token_organisation, "
                + "status, api_keys_enabled, api_key_hashes, changed_at) "
                + "SELECT ?, COALESCE(MAX(listed_as), 0) + 1, ?, ?, ?, ?, ?, ?, ?, ? FROM partner",
                p.id(), p.displayName(), p.sector().name(), p.organisation(), p.tokenOrganisation(), p.status().name(),
                p.apiKeysEnabled(), String.join("\n", p.apiKeyHashes()), now());
    }

    /** Stores every field of an existing partner but its id and sector; false when there is no such partner. */
    public boolean update(Partner p) {
        return jdbc.update("UPDATE partner SET display_name = ?, organisation = ?, token_organisation = ?, status = ?, "
                + "api_keys_enabled = ?, api_key_hashes = ?, changed_at = ? WHERE id = ?",
                p.displayName(), p.organisation(), p.tokenOrganisation(), p.status().name(), p.apiKeysEnabled(),
                String.join("\n", p.apiKeyHashes()), now(), p.id()) == 1;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static Partner partner(ResultSet rs, int row) throws SQLException {
        String hashes = rs.getString("api_key_hashes");
        return new Partner(
                rs.getString("id"),
                rs.getString("display_name"),
                Sector.valueOf(rs.getString("sector")),
                rs.getString("organisation"),
                hashes == null || hashes.isBlank() ? List.of() : Arrays.asList(hashes.split("\n")),
                rs.getString("token_organisation"),
                PartnerStatus.valueOf(rs.getString("status")),
                rs.getBoolean("api_keys_enabled"));
    }
}
