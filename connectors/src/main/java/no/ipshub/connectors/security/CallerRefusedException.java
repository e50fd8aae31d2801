package no.ipshub.connectors.security;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;

/**
 * A caller the hub refuses with a reason it may be told: an access token that fails a check, a partner whose API
 * keys are switched off, a suspended partner. The message is the problem's detail, so it never holds a key, a
 * token or anything else the caller sent.
 */
public class CallerRefusedException extends AuthenticationException {

    private final HttpStatus status;

    public CallerRefusedException(HttpStatus status, String detail) {
        super(detail);
        this.status = status;
    }

    public CallerRefusedException(HttpStatus status, String detail, Throwable cause) {
        super(detail, cause);
        this.status = status;
    }

    /** 401 when the caller is not authenticated, 403 when it is known but may not act now, 503 to try again. */
    public HttpStatus status() {
        return status;
    }
}
