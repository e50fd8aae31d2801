package no.ipshub.log.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.springframework.core.env.Environment;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.stereotype.Component;

/** A plain HTTP client of the test server, calling as one of the test users. */
@Component
public class ResearchHttp {

    private final HttpClient client = HttpClient.newHttpClient();
    private final Environment environment;
    private final InMemoryUserDetailsManager users;

    public ResearchHttp(Environment environment, InMemoryUserDetailsManager users) {
        this.environment = environment;
        this.users = users;
    }

    /**
     * A researcher account of its own: the differencing check remembers per researcher what was shown, so a test
     * that needs a clean slate signs in as a new one.
     */
    public String newResearcher() {
        return newUser("researcher-", "RESEARCHER");
    }

    /** A table reader account of its own, reading the default project unless given a scope. */
    public String newTableReader() {
        return newUser("reader-", "TABLE_READER");
    }

    private String newUser(String prefix, String role) {
        return user(prefix + UUID.randomUUID(), role);
    }

    /** An account of this name and role, made when it does not exist yet. */
    public String user(String name, String role) {
        if (!users.userExists(name)) {
            users.createUser(User.withUsername(name).password("{noop}" + LogItConfiguration.PASSWORD).roles(role).build());
        }
        return name;
    }

    /** GET {@code pathAndQuery} as {@code user} (null for no credentials) with the given Accept header. */
    public HttpResponse<String> get(String user, String pathAndQuery, String accept) {
        return send(user, pathAndQuery, accept, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** GET {@code pathAndQuery} as {@code user}, the body as bytes (for binary exports). */
    public HttpResponse<byte[]> bytes(String user, String pathAndQuery) {
        return send(user, pathAndQuery, "*/*", HttpResponse.BodyHandlers.ofByteArray());
    }

    private <T> HttpResponse<T> send(String user, String pathAndQuery, String accept, HttpResponse.BodyHandler<T> body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + environment.getRequiredProperty("local.server.port") + pathAndQuery))
                .header("Accept", accept);
        if (user != null) {
            String credentials = user + ":" + LogItConfiguration.PASSWORD;
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return client.send(request.GET().build(), body);
        } catch (Exception e) {
            throw new IllegalStateException("GET " + pathAndQuery + " failed", e);
        }
    }

    /** GET as the test researcher, accepting JSON. */
    public HttpResponse<String> researcher(String pathAndQuery) {
        return get(LogItConfiguration.RESEARCHER, pathAndQuery, "application/json");
    }
}
