package no.ipshub.connectors.security;

import org.springframework.http.HttpStatus;

/**
 * Why an access token was refused, as partners are told it: a stable code and a sentence that names the check,
 * never the token or a claim's value.
 */
public enum TokenRefusal {

    MALFORMED(HttpStatus.UNAUTHORIZED, "The access token cannot be read as a signed JWT."),
    UNSIGNED(HttpStatus.UNAUTHORIZED, "The access token is not signed (alg none); the hub accepts signed tokens only."),
    UNTRUSTED_ISSUER(HttpStatus.UNAUTHORIZED, "The access token's issuer (iss) is not one this hub trusts."),
    BAD_SIGNATURE(HttpStatus.UNAUTHORIZED,
            "The access token's signature does not verify against the published keys of its issuer."),
    EXPIRED(HttpStatus.UNAUTHORIZED, "The access token has expired (exp)."),
    NOT_YET_VALID(HttpStatus.UNAUTHORIZED, "The access token is not valid yet (nbf)."),
    NO_EXPIRY(HttpStatus.UNAUTHORIZED, "The access token has no expiry (exp)."),
    WRONG_AUDIENCE(HttpStatus.UNAUTHORIZED, "The access token is not meant for this hub: its audience (aud) is another."),
    NO_ROLE(HttpStatus.UNAUTHORIZED, "The access token carries no scope that gives a role at this hub."),
    SEVERAL_ROLES(HttpStatus.UNAUTHORIZED,
            "The access token carries the scopes of more than one role; ask the issuer for one of them."),
    NO_ORGANISATION(HttpStatus.UNAUTHORIZED,
            "The access token names no organisation number in the claim this hub reads for its issuer."),
    UNKNOWN_ORGANISATION(HttpStatus.UNAUTHORIZED,
            "No partner of this hub has the organisation number that the access token names."),
    ISSUER_UNREACHABLE(HttpStatus.SERVICE_UNAVAILABLE,
            "The hub cannot fetch the signing keys of the token's issuer right now. Send the request again later.");

    private final HttpStatus status;
    private final String detail;

    TokenRefusal(HttpStatus status, String detail) {
        this.status = status;
        this.detail = detail;
    }

    /** The refusal as the exception the security filters answer. */
    public TokenRefusedException exception() {
        return new TokenRefusedException(this, null);
    }

    /** The refusal with the failure behind it, for the log. */
    public TokenRefusedException exception(Throwable cause) {
        return new TokenRefusedException(this, cause);
    }

    public HttpStatus status() {
        return status;
    }

    public String detail() {
        return detail;
    }

    /** An access token refused for {@link #reason()}. */
    public static final class TokenRefusedException extends CallerRefusedException {

        private final TokenRefusal reason;

        TokenRefusedException(TokenRefusal reason, Throwable cause) {
            super(reason.status, reason.detail, cause);
            this.reason = reason;
        }

        public TokenRefusal reason() {
            return reason;
        }
    }
}
