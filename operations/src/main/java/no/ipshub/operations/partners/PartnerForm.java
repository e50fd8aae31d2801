package no.ipshub.operations.partners;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.ipshub.connectors.http.Problems;
import no.ipshub.partners.PartnerConsumerGroups;
import no.ipshub.partners.PartnersFileParser;
import no.ipshub.schemas.v1.Sector;
import no.ipshub.schemas.validation.NavUnitNumber;
import no.ipshub.schemas.validation.OrganisationNumber;
import org.springframework.http.HttpStatus;

/**
 * A partner as an operator describes it, to add one or to change one. Every field but {@code id} and
 * {@code sector} can be changed later; a change leaves out (null) what stays as it is.
 *
 * @param id                lower-case letters, digits and dashes; names the partner's topics
 * @param name              a name for people
 * @param sector            HEALTH or NAV
 * @param organisation      nine-digit organisation number (HEALTH) or four-digit NAV unit number (NAV)
 * @param tokenOrganisation the organisation number the partner's access tokens carry; for HEALTH its
 *                          organisation number when left out
 * @param apiKeysEnabled    whether its API keys authenticate it; true when left out
 */
public record PartnerForm(String id, String name, String sector, String organisation, String tokenOrganisation,
        Boolean apiKeysEnabled) {

    /** The problems of a new partner, every one. */
    List<Map<String, String>> problemsAsNew() {
        List<Map<String, String>> problems = new ArrayList<>();
        if (blank(id)) {
            problems.add(Problems.error("id", "is required"));
        } else if (!PartnersFileParser.PARTNER_ID.matcher(id).matches()) {
            problems.add(Problems.error("id", "must be lower-case letters, digits and dashes, at most 63, not starting with "
                    + PartnerConsumerGroups.HUB_PREFIX + " (it names topics and consumer groups)"));
        }
        if (blank(name)) {
            problems.add(Problems.error("name", "is required"));
        }
        Sector parsed = parsedSector();
        if (blank(sector)) {
            problems.add(Problems.error("sector", "is required: HEALTH or NAV"));
        } else if (parsed == null) {
            problems.add(Problems.error("sector", "must be HEALTH or NAV"));
        }
        if (blank(organisation)) {
            problems.add(Problems.error("organisation", "is required"));
        }
        problems.addAll(problemsOfValues(parsed));
        return problems;
    }

    /** The problems of the fields a change gives, for a partner of {@code sector}. */
    List<Map<String, String>> problemsAsChange(Sector existing) {
        List<Map<String, String>> problems = new ArrayList<>();
        if (name != null && name.isBlank()) {
            problems.add(Problems.error("name", "must not be blank"));
        }
        if (id != null || sector != null) {
            problems.add(Problems.error(id != null ? "id" : "sector",
                    "cannot be changed: add a new partner and remove this one instead"));
        }
        problems.addAll(problemsOfValues(existing));
        return problems;
    }

    private List<Map<String, String>> problemsOfValues(Sector sector) {
        List<Map<String, String>> problems = new ArrayList<>();
        if (!blank(organisation) && sector == Sector.HEALTH && !OrganisationNumber.isValid(organisation.strip())) {
            problems.add(Problems.error("organisation", "is not a valid organisation number (nine digits, mod-11 control digit)"));
        }
        if (!blank(organisation) && sector == Sector.NAV && !NavUnitNumber.isValid(organisation.strip())) {
            problems.add(Problems.error("organisation", "is not a valid NAV unit number (four digits)"));
        }
        if (!blank(tokenOrganisation) && !OrganisationNumber.isValid(tokenOrganisation.strip())) {
            problems.add(Problems.error("tokenOrganisation",
                    "is not a valid organisation number (nine digits, mod-11 control digit)"));
        }
        if (name != null && name.length() > 200) {
            problems.add(Problems.error("name", "must be at most 200 characters"));
        }
        return problems;
    }

    /** The sector, or null when it is not HEALTH or NAV. */
    Sector parsedSector() {
        return "HEALTH".equals(sector) ? Sector.HEALTH : "NAV".equals(sector) ? Sector.NAV : null;
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Refuses the form with 400 when it has problems. */
    static void requireNone(List<Map<String, String>> problems) {
        if (!problems.isEmpty()) {
            throw new PartnerRequestException(HttpStatus.BAD_REQUEST, "The partner has invalid fields.", problems);
        }
    }
}
