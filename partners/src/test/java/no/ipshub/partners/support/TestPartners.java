package no.ipshub.partners.support;

import java.util.List;
import no.ipshub.partners.Partner;
import no.ipshub.partners.PartnerDirectory;
import no.ipshub.partners.YamlPartnerDirectory;
import no.ipshub.schemas.fixtures.HubMessages;
import no.ipshub.schemas.v1.Sector;

/**
 * The partners of the routes tests: two treatment teams and two NAV offices, the first of each being the
 * default sender and recipient of {@link HubMessages}. The same partners are in {@code partners-it.yml}.
 */
public final class TestPartners {

    public static final String TEAM = HubMessages.TEAM;
    public static final String OTHER_TEAM = "unn-ips";
    public static final String NAV_OFFICE = HubMessages.NAV_OFFICE;
    public static final String OTHER_NAV_OFFICE = "nav-tromso";

    private TestPartners() {
    }

    public static List<Partner> all() {
        return List.of(
                new Partner(TEAM, "Haukeland universitetssjukehus, TSB", Sector.HEALTH, "983974724", List.of()),
                new Partner(OTHER_TEAM, "Universitetssykehuset Nord-Norge, IPS", Sector.HEALTH, "983974899", List.of()),
                new Partner(NAV_OFFICE, "NAV Bergenhus", Sector.NAV, "1203", List.of()),
                new Partner(OTHER_NAV_OFFICE, "NAV Tromsø", Sector.NAV, "1902", List.of()));
    }

    public static PartnerDirectory directory() {
        return new YamlPartnerDirectory(all());
    }
}
