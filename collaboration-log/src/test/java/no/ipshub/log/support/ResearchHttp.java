package no.ipshub.log.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** A plain HTTP client of the test server, calling as one of the test users. */
@Component
public class ResearchHttp {

    private final HttpClient client = HttpClient.newHttpClient();
    private final Environment environment;

    public ResearchHttp(Environment environment) {
        this.environment = environment;
    }

    /** GET {@code pathAndQuery} as {@code user} (null for no credentials) with the given Accept header. */
    public HttpResponse<String> get(String user, String pathAndQuery, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + environment.getRequiredProperty("local.server.port") + pathAndQuery))
                .header("Accept", accept);
        if (user != null) {
            String credentials = user + ":" + LogItConfiguration.PASSWORD;
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return client.send(request.GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException("GET " + pathAndQuery + " failed", e);
        }
    }

    /** GET as the test researcher, accepting JSON. */
    public HttpResponse<String> researcher(String pathAndQuery) {
        return get(LogItConfiguration.RESEARCHER, pathAndQuery, "application/json");
    }
}
