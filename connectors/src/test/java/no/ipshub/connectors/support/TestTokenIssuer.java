package no.ipshub.connectors.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

/**
 * A real OAuth2 token issuer on a local port (NAV's mock-oauth2-server): each of its issuers ({@code /<issuer id>})
 * publishes its metadata and JWKS as Maskinporten and HelseID do, and signs tokens with its own RSA key.
 */
public final class TestTokenIssuer implements AutoCloseable {

    private final MockOAuth2Server server = new MockOAuth2Server();

    private TestTokenIssuer(int port) {
        server.start(port);
    }

    /** An issuer on a free port. */
    public static TestTokenIssuer onFreePort() {
        return new TestTokenIssuer(freePort());
    }

    /** The {@code iss} of the issuer {@code issuerId}. */
    public String issuer(String issuerId) {
        return server.issuerUrl(issuerId).toString();
    }

    /** Where the issuer {@code issuerId} publishes its keys. */
    public String jwks(String issuerId) {
        return server.jwksUrl(issuerId).toString();
    }

    /**
     * A signed access token of {@code issuerId} for {@code audience}, valid for {@code expirySeconds} from now
     * (negative: expired that long ago), with these extra claims.
     */
    public String token(String issuerId, String audience, Map<String, Object> claims, long expirySeconds) {
        return server.issueToken(issuerId, "partner-client", new DefaultOAuth2TokenCallback(issuerId, "partner-client",
                "JWT", List.of(audience), claims, expirySeconds)).serialize();
    }

    @Override
    public void close() {
        server.shutdown();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
