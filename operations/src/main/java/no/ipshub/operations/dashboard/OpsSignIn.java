package no.ipshub.operations.dashboard;

import java.util.List;
import no.ipshub.connectors.security.HubRole;
import no.ipshub.web.signin.BrowserSignIn;

/** The dashboard's browser sign-in: operators, the cookie {@value #COOKIE}, the form at {@value #LOGIN_PATH}. */
public final class OpsSignIn {

    public static final String COOKIE = "ips_hub_ops";
    public static final String LOGIN_PATH = "/ops/login";
    public static final String LOGOUT_PATH = "/ops/logout";

    /** The pages under {@code /ops} and the API under {@code /api/v1/ops}; the form and the assets are open. */
    public static final BrowserSignIn SIGN_IN = new BrowserSignIn("ops", HubRole.OPERATOR, COOKIE, "/ops",
            "/api/v1/ops", LOGIN_PATH, LOGOUT_PATH, List.of(LOGIN_PATH, "/ops/assets/**"));

    private OpsSignIn() {
    }
}
