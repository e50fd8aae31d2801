package no.ipshub.log.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import no.ipshub.log.mapping.CollaborationLogMapper;
import no.ipshub.log.pseudonym.ProjectKey;
import no.ipshub.log.pseudonym.Pseudonymiser;
import no.ipshub.partners.Partner;
import no.ipshub.partners.PartnerDirectory;
import no.ipshub.partners.YamlPartnerDirectory;
import no.ipshub.schemas.fixtures.HubMessages;
import no.ipshub.schemas.v1.Sector;

/** Shared test data of the collaboration log's tests: a project key, the partners of the fixtures, a mapper. */
public final class LogFixtures {

    public static final String PROJECT = "ipsnor-test";
    /** A 32-byte test key; real keys come from a key file outside the repository. */
    public static final byte[] KEY = "collaboration-log-test-key-32-by".getBytes(StandardCharsets.UTF_8);
    public static final String KEY_BASE64 = "base64:" + Base64.getEncoder().encodeToString(KEY);
    public static final String TEAM_ORGANISATION = "974557746";
    public static final String NAV_UNIT = "1201";
    public static final String SECOND_TEAM = "nordland-ips";
    public static final String SECOND_NAV_OFFICE = "nav-bodo";

    private LogFixtures() {
    }

    public static ProjectKey projectKey() {
        return new ProjectKey(PROJECT, KEY);
    }

    public static Pseudonymiser pseudonymiser() {
        return new Pseudonymiser(projectKey());
    }

    public static PartnerDirectory partners() {
        return new YamlPartnerDirectory(List.of(
                new Partner(HubMessages.TEAM, "Haukeland TSB", Sector.HEALTH, TEAM_ORGANISATION, List.of()),
                new Partner(HubMessages.NAV_OFFICE, "NAV Bergenhus", Sector.NAV, NAV_UNIT, List.of()),
                new Partner(SECOND_TEAM, "Nordlandssykehuset IPS", Sector.HEALTH, "983974899", List.of()),
                new Partner(SECOND_NAV_OFFICE, "NAV Bodø", Sector.NAV, "1804", List.of())));
    }

    public static CollaborationLogMapper mapper() {
        return new CollaborationLogMapper(pseudonymiser(), partners());
    }
}
