package no.ipshub.log.project;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * A research project the collaboration log serves: its own pseudonyms (made with its own key, so they cannot be
 * linked to another project's), its own consent, its own researchers, threshold and log topic.
 *
 * @param code           the project's code, e.g. {@code ipsnor}; part of every entry and of its topic's name
 * @param name           what people call it
 * @param minCellSize    aggregates from fewer participants than this are blanked
 * @param researchers    the accounts that may read its rows; null for the default project when
 *                       {@code hub.research.researchers} is not set (every researcher account, as before projects)
 * @param defaultProject true for the project configured in {@code hub.research}: its consent is a referral's
 *                       {@code researchConsent} and a consent follow-up that names no project
 */
public record ResearchProject(String code, String name, int minCellSize, Set<String> researchers, boolean defaultProject) {

    /** What a project code may look like. */
    public static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    public ResearchProject {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("a project code is 1-64 lower-case letters, digits, '.', '_' or '-', "
                    + "starting with a letter or digit");
        }
        if (minCellSize < 1) {
            throw new IllegalArgumentException("a project's minimum cell size must be at least 1");
        }
        researchers = researchers == null ? null : Set.copyOf(researchers);
    }

    /** True when the account may read the project's rows. */
    public boolean hasResearcher(String account) {
        return researchers == null || researchers.contains(account);
    }
}
