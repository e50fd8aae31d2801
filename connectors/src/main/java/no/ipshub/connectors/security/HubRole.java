package no.ipshub.connectors.security;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The three kinds of caller the hub knows (DESIGN section 6). */
public enum HubRole {

    /** A partner system: a health-trust treatment team or a NAV office, listed in the partners file. */
    PARTNER,

    /** Integration staff: routes, dead letters, replay, audit. */
    OPERATOR,

    /** A researcher reading the pseudonymised collaboration log. */
    RESEARCHER;

    /** The Spring Security authority for this role, e.g. {@code ROLE_PARTNER}. */
    public GrantedAuthority authority() {
        return new SimpleGrantedAuthority("ROLE_" + name());
    }
}
