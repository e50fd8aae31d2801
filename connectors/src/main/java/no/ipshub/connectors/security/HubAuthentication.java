package no.ipshub.connectors.security;

import org.springframework.security.core.Authentication;

/** An authenticated caller of the hub, by API key or by access token: a partner, an operator or a researcher. */
public interface HubAuthentication extends Authentication {

    /** The caller's role; null before authentication. */
    HubRole role();
}
