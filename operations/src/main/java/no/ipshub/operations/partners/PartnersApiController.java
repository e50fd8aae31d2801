package no.ipshub.operations.partners;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import no.ipshub.connectors.http.HttpEdgeProperties;
import no.ipshub.connectors.http.Problems;
import no.ipshub.engine.error.TransientFailureException;
import no.ipshub.partners.topics.HubTopics;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/ops/partners} (operator role): the partners' changes at run time, and one partner as stored
 * (removed ones too); the list with each partner's activity is the dashboard's ({@code GET /api/v1/ops/partners}).
 * Adding answers 201
 * with the new partner's API key, shown this once, and the organisation number its access tokens must carry.
 */
@RestController
public class PartnersApiController {

    static final String PATH = "/api/v1/ops/partners";

    private final PartnerAdministration partners;
    private final HubTopics topics;
    private final HttpEdgeProperties edge;

    public PartnersApiController(PartnerAdministration partners, HubTopics topics, HttpEdgeProperties edge) {
        this.partners = partners;
        this.topics = topics;
        this.edge = edge;
    }

    @GetMapping(path = PATH + "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public PartnerView get(@PathVariable String id) {
        return PartnerView.of(partners.get(id), topics);
    }

    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> add(@RequestBody PartnerForm form, Authentication operator) {
        PartnerAdministration.Added added = partners.add(form, operator.getName());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("partner", PartnerView.of(added.partner(), topics));
        body.put("apiKey", added.apiKey());
        body.put("apiKeyNote", "Shown this once: the hub keeps only its hash. Give it to the partner over a secure channel.");
        body.put("tokenOrganisation", added.partner().tokenOrganisation());
        body.put("provisioning", added.provisioning());
        return ResponseEntity.created(URI.create(PATH + "/" + added.partner().id())).body(body);
    }

    @PatchMapping(path = PATH + "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public PartnerView change(@PathVariable String id, @RequestBody PartnerForm form, Authentication operator) {
        return PartnerView.of(partners.change(id, form, operator.getName()), topics);
    }

    @PostMapping(path = PATH + "/{id}/suspend", produces = MediaType.APPLICATION_JSON_VALUE)
    public PartnerView suspend(@PathVariable String id, Authentication operator) {
        return PartnerView.of(partners.suspend(id, operator.getName()), topics);
    }

    @PostMapping(path = PATH + "/{id}/reinstate", produces = MediaType.APPLICATION_JSON_VALUE)
    public PartnerView reinstate(@PathVariable String id, Authentication operator) {
        return PartnerView.of(partners.reinstate(id, operator.getName()), topics);
    }

    @PostMapping(path = PATH + "/{id}/api-key", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> newApiKey(@PathVariable String id, Authentication operator) {
        String apiKey = partners.newApiKey(id, operator.getName());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("partner", PartnerView.of(partners.get(id), topics));
        body.put("apiKey", apiKey);
        body.put("apiKeyNote", "Shown this once. The previous key keeps working until the next new key.");
        return body;
    }

    @DeleteMapping(path = PATH + "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public PartnerView remove(@PathVariable String id, Authentication operator) {
        return PartnerView.of(partners.remove(id, operator.getName()), topics);
    }

    @ExceptionHandler(PartnerRequestException.class)
    ResponseEntity<Map<String, Object>> refused(PartnerRequestException e) {
        return Problems.of(e.status(), PATH, e.getMessage(), e.errors());
    }

    @ExceptionHandler(TransientFailureException.class)
    ResponseEntity<Map<String, Object>> unavailable(TransientFailureException e) {
        return Problems.unavailable(PATH, "Kafka or the schema registry did not answer; nothing was stored. "
                + "Send the same request again later.", edge.retryAfterSeconds());
    }
}
