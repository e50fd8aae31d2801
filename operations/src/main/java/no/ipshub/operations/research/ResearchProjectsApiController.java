package no.ipshub.operations.research;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.ipshub.connectors.http.HttpEdgeProperties;
import no.ipshub.connectors.http.Problems;
import no.ipshub.engine.error.TransientFailureException;
import no.ipshub.log.project.ProjectAdministration;
import no.ipshub.log.project.ProjectRequestException;
import no.ipshub.log.project.ProjectTopics;
import no.ipshub.log.project.ResearchProject;
import no.ipshub.partners.provisioning.PartnerProvisioner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/ops/research/projects} (operator role): the research projects, and adding or changing one at run
 * time. Adding answers 201 with the project's key when the hub made it (shown this once), its log topic and the
 * Kafka principal that may read it (its ACLs granted where the cluster has an authorizer). Every change is audited.
 */
@RestController
@ConditionalOnProperty(prefix = "hub.research", name = "enabled", havingValue = "true", matchIfMissing = true)
public class ResearchProjectsApiController {

    static final String PATH = "/api/v1/ops/research/projects";

    private final ProjectAdministration projects;
    private final ProjectTopics topics;
    private final PartnerProvisioner kafka;
    private final HttpEdgeProperties edge;

    public ResearchProjectsApiController(ProjectAdministration projects, ProjectTopics topics, PartnerProvisioner kafka,
            HttpEdgeProperties edge) {
        this.projects = projects;
        this.topics = topics;
        this.kafka = kafka;
        this.edge = edge;
    }

    /**
     * A project as operators see it.
     *
     * @param researchers    the accounts that read its rows; {@code ["*"]} for every researcher account (the default
     *                       project when {@code hub.research.researchers} is not set)
     * @param topic          its log topic
     * @param kafkaPrincipal the Kafka user that may read the topic
     */
    public record ProjectView(String code, String name, int minCellSize, List<String> researchers, boolean defaultProject,
            String topic, String kafkaPrincipal) {
    }

    private ProjectView view(ResearchProject p) {
        return new ProjectView(p.code(), p.name(), p.minCellSize(),
                p.researchers() == null ? List.of("*") : p.researchers().stream().sorted().toList(), p.defaultProject(),
                topics.topicOf(p), ProjectAcls.principal(p.code()));
    }

    @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    public List<ProjectView> list() {
        return projects.projects().stream().map(this::view).toList();
    }

    @GetMapping(path = PATH + "/{code}", produces = MediaType.APPLICATION_JSON_VALUE)
    public ProjectView get(@PathVariable String code) {
        return view(projects.project(code));
    }

    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> add(@RequestBody ProjectAdministration.ProjectForm form,
            Authentication operator) {
        ProjectAdministration.Added added = projects.add(form, operator.getName());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("project", view(added.project()));
        if (added.key() != null) {
            body.put("key", added.key());
            body.put("keyNote", "Shown this once: the hub keeps it sealed and cannot show it again. Keep a copy where the "
                    + "project keeps its secrets; without it the project's pseudonyms cannot be made again elsewhere.");
        }
        body.put("acls", kafka.grantAcls(ProjectAcls.of(added.project().code(), added.topic()),
                "research project " + added.project().code()));
        return ResponseEntity.created(URI.create(PATH + "/" + added.project().code())).body(body);
    }

    @PatchMapping(path = PATH + "/{code}", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ProjectView change(@PathVariable String code, @RequestBody ProjectAdministration.ProjectForm form,
            Authentication operator) {
        return view(projects.change(code, form, operator.getName()));
    }

    @ExceptionHandler(ProjectRequestException.class)
    ResponseEntity<Map<String, Object>> refused(ProjectRequestException e) {
        return Problems.of(e.status(), PATH, e.getMessage(), List.of());
    }

    @ExceptionHandler(TransientFailureException.class)
    ResponseEntity<Map<String, Object>> unavailable(TransientFailureException e) {
        return Problems.unavailable(PATH, "Kafka or the schema registry did not answer. Send the same request again "
                + "later.", edge.retryAfterSeconds());
    }
}
