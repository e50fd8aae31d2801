package no.ipshub.partners;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import no.ipshub.schemas.v1.Sector;
import no.ipshub.schemas.validation.NavUnitNumber;
import no.ipshub.schemas.validation.OrganisationNumber;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads the partners file: a top-level {@code partners:} list whose entries have {@code id}, {@code name},
 * {@code sector} (HEALTH or NAV), {@code organisation}, {@code apiKeyHashes} and optionally
 * {@code tokenOrganisation} (the organisation number its access tokens carry; a HEALTH partner's organisation
 * number when left out). Collects every problem before failing, so one start-up attempt shows them all.
 */
public final class PartnersFileParser {

    /**
     * Partner ids become part of topic and consumer group names: lower-case letters, digits and dashes, not starting
     * with {@value PartnerConsumerGroups#HUB_PREFIX} (the hub's own groups; see {@link PartnerConsumerGroups}).
     */
    public static final Pattern PARTNER_ID = Pattern.compile(
            "(?!" + PartnerConsumerGroups.HUB_PREFIX + ")[a-z0-9][a-z0-9-]{0,62}");

    private PartnersFileParser() {
    }

    public static List<Partner> parse(InputStream yaml, String source) {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (YAMLException e) {
            throw new PartnersFileException(source, "is not valid YAML: " + e.getMessage(), e);
        }
        if (!(root instanceof Map<?, ?> top) || !(top.get("partners") instanceof List<?> entries)) {
            throw new PartnersFileException(source, List.of("expected a top-level 'partners:' list"));
        }
        List<String> problems = new ArrayList<>();
        List<Partner> partners = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            String at = "partners[" + i + "]";
            if (!(entries.get(i) instanceof Map<?, ?> entry)) {
                problems.add(at + ": expected a mapping with id, name, sector, organisation, apiKeyHashes");
                continue;
            }
            Partner partner = toPartner(entry, at, problems);
            if (partner != null && !ids.add(partner.id())) {
                problems.add(at + ".id: '" + partner.id() + "' is listed more than once");
            } else if (partner != null) {
                partners.add(partner);
            }
        }
        if (partners.isEmpty() && problems.isEmpty()) {
            problems.add("partners: the list is empty");
        }
        if (!problems.isEmpty()) {
            throw new PartnersFileException(source, problems);
        }
        return List.copyOf(partners);
    }

    private static Partner toPartner(Map<?, ?> entry, String at, List<String> problems) {
        int before = problems.size();
        String id = text(entry, "id", at, problems);
        if (id != null && !PARTNER_ID.matcher(id).matches()) {
            problems.add(at + ".id: '" + id + "' must be lower-case letters, digits and dashes, "
                    + "not starting with " + PartnerConsumerGroups.HUB_PREFIX + " (it names topics and consumer groups)");
        }
        String name = text(entry, "name", at, problems);
        String sectorText = text(entry, "sector", at, problems);
        Sector sector = null;
        if (sectorText != null) {
            if ("HEALTH".equals(sectorText) || "NAV".equals(sectorText)) {
                sector = Sector.valueOf(sectorText);
            } else {
                problems.add(at + ".sector: must be HEALTH or NAV, was '" + sectorText + "'");
            }
        }
        String organisation = text(entry, "organisation", at, problems);
        if (organisation != null && sector == Sector.HEALTH && !OrganisationNumber.isValid(organisation)) {
            problems.add(at + ".organisation: not a valid organisation number (nine digits, mod-11 control digit)");
        }
        if (organisation != null && sector == Sector.NAV && !NavUnitNumber.isValid(organisation)) {
            problems.add(at + ".organisation: not a valid NAV unit number (four digits)");
        }
        List<String> hashes = new ArrayList<>();
        Object rawHashes = entry.get("apiKeyHashes");
        if (rawHashes instanceof List<?> list) {
            for (int j = 0; j < list.size(); j++) {
                if (list.get(j) instanceof String s && !s.isBlank()) {
                    hashes.add(s.trim());
                } else {
                    problems.add(at + ".apiKeyHashes[" + j + "]: expected a non-empty string");
                }
            }
        } else if (rawHashes != null) {
            problems.add(at + ".apiKeyHashes: expected a list of hashes");
        }
        String tokenOrganisation = sector == Sector.HEALTH ? organisation : null;
        Object rawToken = entry.get("tokenOrganisation");
        if (rawToken != null) {
            tokenOrganisation = rawToken.toString().trim();
            if (!OrganisationNumber.isValid(tokenOrganisation)) {
                problems.add(at + ".tokenOrganisation: not a valid organisation number (nine digits, mod-11 control digit)");
            }
        }
        return problems.size() == before
                ? new Partner(id, name, sector, organisation, hashes, tokenOrganisation, PartnerStatus.ACTIVE, true)
                : null;
    }

    private static String text(Map<?, ?> entry, String key, String at, List<String> problems) {
        Object value = entry.get(key);
        if (value == null || value.toString().isBlank()) {
            problems.add(at + "." + key + ": required");
            return null;
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            problems.add(at + "." + key + ": expected a single value");
            return null;
        }
        return value.toString().trim();
    }
}
