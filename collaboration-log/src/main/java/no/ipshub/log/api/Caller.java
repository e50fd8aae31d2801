package no.ipshub.log.api;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Who is calling, for the audit trail, and a second check of the caller's role behind the hub's security
 * rules: research data is never served to an anonymous caller, even if those rules were misconfigured.
 */
final class Caller {

    private Caller() {
    }

    /** The authenticated caller's name, when the caller holds {@code role}. */
    static String require(HttpServletRequest request, String role) {
        Principal principal = request.getUserPrincipal();
        if (principal == null) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "authentication required");
        }
        if (!request.isUserInRole(role)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "role " + role + " required");
        }
        return principal.getName();
    }
}
