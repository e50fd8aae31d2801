package no.ipshub.connectors.security;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The kinds of caller the hub knows. */
public enum HubRole {

    /** A partner system: a health-trust treatment team or a NAV office, listed in the partners file. */
    PARTNER,

    /** Integration staff: routes, dead letters, replay, audit. */
    OPERATOR,

    /** A researcher of a research project: reads its pseudonymised rows and its tables. */
    RESEARCHER,

    /**
     * Reads a research project's tables only (indicators, fidelity evidence, pair picture, time to event, codebook,
     * the research page), never its rows: team leaders, NAV office managers, fidelity reviewers, steering groups.
     */
    TABLE_READER;

    /** The Spring Security authority for this role, e.g. {@code ROLE_PARTNER}. */
    public GrantedAuthority authority() {
        return new SimpleGrantedAuthority("ROLE_" + name());
    }
}
