package no.ipshub.operations.dashboard;

import java.util.List;
import no.ipshub.engine.supervision.LoopStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dashboard's data as JSON for scripts and monitoring (operator role): routes with their figures and
 * suspend/resume, throughput history, consumer lag, partners' last activity, registry subjects, health and the
 * long-running loops.
 * Dead letters live under {@code /api/v1/ops/deadletters}.
 */
@RestController
@RequestMapping("/api/v1/ops")
public class OpsApiController {

    private static final Logger log = LoggerFactory.getLogger(OpsApiController.class);

    private final OpsOverview overview;
    private final RouteInspector routes;

    public OpsApiController(OpsOverview overview, RouteInspector routes) {
        this.overview = overview;
        this.routes = routes;
    }

    @GetMapping("/routes")
    public List<OpsOverview.RouteView> routes() {
        return overview.routes();
    }

    @GetMapping("/routes/{id}")
    public ResponseEntity<?> route(@PathVariable String id) {
        return overview.route(id).<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(() -> noSuchRoute(id));
    }

    /** Suspends the route: it stops consuming until resumed; its consumer group's lag grows meanwhile. */
    @PostMapping("/routes/{id}/suspend")
    public ResponseEntity<?> suspend(@PathVariable String id, Authentication operator) throws Exception {
        if (!routes.suspend(id)) {
            return noSuchRoute(id);
        }
        log.info("Route {} suspended by {}", id, operator.getName());
        return route(id);
    }

    /** Resumes a suspended (or starts a stopped) route. */
    @PostMapping("/routes/{id}/resume")
    public ResponseEntity<?> resume(@PathVariable String id, Authentication operator) throws Exception {
        if (!routes.resume(id)) {
            return noSuchRoute(id);
        }
        log.info("Route {} resumed by {}", id, operator.getName());
        return route(id);
    }

    @GetMapping("/throughput")
    public OpsOverview.ThroughputView throughput() {
        return overview.throughput();
    }

    @GetMapping("/lag")
    public LagSnapshot lag() {
        return overview.lag();
    }

    @GetMapping("/partners")
    public OpsOverview.PartnersView partners() {
        return overview.partners();
    }

    @GetMapping("/registry")
    public RegistryOverview.View registry() {
        return overview.registry();
    }

    @GetMapping("/health")
    public HealthOverview.View health() {
        return overview.health();
    }

    /** The long-running loops: state, since when, failures in a row and in all, the last failure, the next try. */
    @GetMapping("/loops")
    public List<LoopStatus> loops() {
        return overview.loops();
    }

    private static ResponseEntity<?> noSuchRoute(String id) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "There is no route " + id + ".");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
