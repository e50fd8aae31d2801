package no.ipshub.hub.research;

import static no.ipshub.hub.ops.OpsTestHub.OPERATOR_KEY;
import static no.ipshub.hub.ops.OpsTestHub.RESEARCHER_KEY;
import static no.ipshub.hub.ops.OpsTestHub.TABLE_READER_KEY;
import static no.ipshub.hub.ops.OpsTestHub.TEAM_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import no.ipshub.hub.ops.OpsTestHub;
import no.ipshub.log.api.ResearchAccessLevel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/*
 * Every research endpoint of the running hub, found from its request mappings (so one added later is in the test
 * without anyone adding it here), called by every kind of caller: nobody, a partner, an operator, the default
 * project's researcher and the demo table reader. Row-level endpoints answer the researcher only; table endpoints
 * the researcher and the table reader; the others get 401 or 403.
 */
@ExtendWith(OpsTestHub.Extension.class)
class ResearchAccessIT {

    private static final String QUERY = "from=2025-01-01&to=2025-12-31&team=haukeland-tsb&navOffice=nav-bergenhus"
            + "&pair=haukeland-tsb%7Cnav-bergenhus";
    private static OpsTestHub hub;
    private static final Map<String, ResearchAccessLevel.Level> ENDPOINTS = new TreeMap<>();

    @BeforeAll
    static void researchEndpoints() {
        hub = OpsTestHub.shared();
        RequestMappingHandlerMapping mappings = hub.bean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
        for (Map.Entry<RequestMappingInfo, HandlerMethod> m : mappings.getHandlerMethods().entrySet()) {
            for (String path : m.getKey().getPatternValues()) {
                if (path.startsWith("/api/v1/research") || path.equals("/research") || path.startsWith("/research/")) {
                    ResearchAccessLevel level = m.getValue().getMethodAnnotation(ResearchAccessLevel.class);
                    ENDPOINTS.put(path + " " + m.getKey().getMethodsCondition().getMethods(),
                            level == null ? null : level.value());
                }
            }
        }
    }

    @Test
    void everyResearchEndpointDeclaresWhoMayCallIt() {
        List<String> undeclared = ENDPOINTS.entrySet().stream().filter(e -> e.getValue() == null).map(Map.Entry::getKey)
                .toList();

        assertThat(List.of(ENDPOINTS.size() >= 20, undeclared)).containsExactly(true, List.of());
    }

    @Test
    void eachCallerGetsWhatItsRoleMay() {
        List<String> wrong = new ArrayList<>();
        ENDPOINTS.forEach((endpoint, level) -> {
            if (level == ResearchAccessLevel.Level.SIGN_IN || !endpoint.endsWith("[GET]")) {
                return;
            }
            String path = endpoint.substring(0, endpoint.indexOf(' '));
            check(wrong, path, null, Set.of(401, 302));
            check(wrong, path, TEAM_KEY, Set.of(403));
            check(wrong, path, OPERATOR_KEY, Set.of(403));
            check(wrong, path, RESEARCHER_KEY, Set.of(200));
            check(wrong, path, TABLE_READER_KEY, level == ResearchAccessLevel.Level.ROWS ? Set.of(403) : Set.of(200));
        });

        assertThat(wrong).isEmpty();
    }

    private static void check(List<String> wrong, String path, String key, Set<Integer> expected) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(hub.baseUrl() + path + "?" + QUERY))
                .header("Accept", "application/json, text/csv, application/vnd.apache.parquet, text/html").GET();
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        int status = hub.send(request).statusCode();
        if (!expected.contains(status)) {
            wrong.add(path + " as " + (key == null ? "nobody" : key) + ": " + status + ", expected " + expected);
        }
    }
}
