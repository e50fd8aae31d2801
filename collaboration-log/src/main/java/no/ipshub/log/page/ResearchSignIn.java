package no.ipshub.log.page;

import no.ipshub.connectors.security.HubRole;
import no.ipshub.web.signin.BrowserSignIn;

/**
 * The research page's browser sign-in: researcher and table reader keys, cookie {@code ips_hub_research}, counting on
 * {@code /research} and on {@code /api/v1/research} (so the page's export links work in the browser), form
 * {@code /research/login}, sign-out {@code /research/logout}, open assets under {@code /research/assets/}.
 */
final class ResearchSignIn {

    static final BrowserSignIn SIGN_IN = BrowserSignIn.forPages("/research", HubRole.RESEARCHER, HubRole.TABLE_READER);

    private ResearchSignIn() {
    }
}
