package no.ipshub.hub.research;

import static no.ipshub.hub.ops.OpsTestHub.OPERATOR_KEY;
import static no.ipshub.hub.ops.OpsTestHub.RESEARCHER_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import no.ipshub.hub.ops.OpsTestHub;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/*
 * Operators' research administration on a running hub: a project added at run time with demo-researcher as its
 * researcher (its key made by the hub and shown once), and a table reader of it scoped to one NAV office, whose key
 * reads the project's tables, is refused its rows, and stops working when the reader is removed.
 */
@ExtendWith(OpsTestHub.Extension.class)
class ResearchAdministrationIT {

    private static OpsTestHub hub;
    private static JsonNode added;

    @BeforeAll
    static void aProject() {
        hub = OpsTestHub.shared();
        HttpResponse<String> response = hub.post("/api/v1/ops/research/projects", OPERATOR_KEY,
                "{\"code\":\"worklife-admin-it\",\"name\":\"Work Life\",\"minCellSize\":3,\"researchers\":[\"demo-researcher\"]}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        added = OpsTestHub.JSON.readTree(response.body());
    }

    @Test
    void projectAddedAtRunTimeComesWithItsKeyShownOnceAndItsTopic() {
        assertThat(List.of(added.get("key").asString().startsWith("base64:"), added.get("project").get("topic").asString(),
                added.get("project").get("kafkaPrincipal").asString()))
                .containsExactly(true, "ips.collaboration-log.worklife-admin-it-v1", "User:research-worklife-admin-it");
    }

    @Test
    void projectsResearcherReadsItsRows() {
        assertThat(hub.get("/api/v1/research/entries?project=worklife-admin-it", RESEARCHER_KEY).statusCode()).isEqualTo(200);
    }

    @Test
    void defaultProjectIsChangedInTheConfigurationOnly() {
        HttpResponse<String> response = hub.send(HttpRequest.newBuilder(URI.create(hub.baseUrl()
                + "/api/v1/ops/research/projects/ipsnor")).header("Authorization", "Bearer " + OPERATOR_KEY)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"minCellSize\":1}")));

        assertThat(response.statusCode()).isEqualTo(409);
    }

    @Test
    void tableReaderAddedAtRunTimeReadsTablesNotRowsUntilRemoved() {
        HttpResponse<String> created = hub.post("/api/v1/ops/research/table-readers", OPERATOR_KEY,
                "{\"name\":\"bodo-manager-it\",\"project\":\"worklife-admin-it\",\"navOffices\":[\"nav-bodo\"]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String key = OpsTestHub.JSON.readTree(created.body()).get("apiKey").asString();
        String tables = "/api/v1/research/indicators?from=2025-01-01&to=2025-12-31&groupBy=navOffice";

        int tablesStatus = hub.get(tables, key).statusCode();
        int rowsStatus = hub.get("/api/v1/research/entries", key).statusCode();
        int otherProject = hub.get(tables + "&project=ipsnor", key).statusCode();
        hub.send(HttpRequest.newBuilder(URI.create(hub.baseUrl() + "/api/v1/ops/research/table-readers/bodo-manager-it"))
                .header("Authorization", "Bearer " + OPERATOR_KEY).DELETE());
        await().atMost(Duration.ofSeconds(10)).until(() -> hub.get(tables, key).statusCode() == 401);

        assertThat(List.of(tablesStatus, rowsStatus, otherProject)).containsExactly(200, 403, 403);
    }

    @Test
    void everyChangeIsInTheAuditTrailUnderItsProject() {
        JsonNode records = hub.getJson("/api/v1/ops/audit?limit=1000&project=worklife-admin-it").get("records");

        assertThat(records.get(0).get("action").asString()).isEqualTo("PROJECT_ADDED");
    }
}
