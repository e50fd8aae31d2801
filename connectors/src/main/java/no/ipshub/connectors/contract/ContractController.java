package no.ipshub.connectors.contract;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.ipshub.connectors.http.HttpEdgeProperties;
import no.ipshub.connectors.http.Problems;
import no.ipshub.connectors.nhn.NhnAddressStore;
import no.ipshub.connectors.nhn.NhnIdentity;
import no.ipshub.connectors.security.HubAuthentication;
import no.ipshub.connectors.security.HubRole;
import no.ipshub.connectors.security.HubSecurityProperties;
import no.ipshub.partners.Partner;
import no.ipshub.partners.PartnerDirectory;
import no.ipshub.partners.PartnerStatus;
import no.ipshub.partners.topics.HubTopics;
import no.ipshub.registry.config.SchemaRegistryProperties;
import no.ipshub.registry.kafka.KafkaClientSettings;
import no.ipshub.schemas.v1.Sector;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/v1/partners/{id}/contract}: a partner's contract sheet, Markdown by default and an HTML page for
 * {@code Accept: text/html}. The partner itself and operators may read it; another partner gets 403.
 */
@RestController
public class ContractController {

    public static final String PATH = "/api/v1/partners/{id}/contract";
    static final MediaType MARKDOWN = new MediaType("text", "markdown", StandardCharsets.UTF_8);
    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PartnerDirectory partners;
    private final HubTopics topics;
    private final KafkaClientSettings kafka;
    private final ObjectProvider<SchemaRegistryProperties> registry;
    private final HttpEdgeProperties edge;
    private final HubSecurityProperties security;
    private final Clock clock;
    private final ObjectProvider<NhnAddressStore> nhnAddresses;
    private final ObjectProvider<NhnIdentity> nhnIdentity;

    public ContractController(PartnerDirectory partners, HubTopics topics, KafkaClientSettings kafka,
            ObjectProvider<SchemaRegistryProperties> registry, HttpEdgeProperties edge, HubSecurityProperties security,
            Clock clock, ObjectProvider<NhnAddressStore> nhnAddresses,
            ObjectProvider<NhnIdentity> nhnIdentity) {
        this.nhnAddresses = nhnAddresses;
        this.nhnIdentity = nhnIdentity;
        this.partners = partners;
        this.topics = topics;
        this.kafka = kafka;
        this.registry = registry;
        this.edge = edge;
        this.security = security;
        this.clock = clock;
    }

    @GetMapping(path = PATH, produces = {"text/markdown", MediaType.TEXT_HTML_VALUE})
    public ResponseEntity<String> markdownOrHtml(@PathVariable String id, Authentication caller,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        Optional<ResponseEntity<String>> refused = refusal(id, caller);
        if (refused.isPresent()) {
            return refused.get();
        }
        SheetDocument sheet = sheet(partners.lookUp(id).orElseThrow()).document(clock);
        boolean html = accept != null && accept.contains(MediaType.TEXT_HTML_VALUE);
        return ResponseEntity.ok()
                .contentType(html ? HTML : MARKDOWN)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(html ? sheet.html("Contract sheet: " + id) : sheet.markdown());
    }

    /** The answer for a caller that may not read this sheet, or for a partner the hub does not have. */
    private Optional<ResponseEntity<String>> refusal(String id, Authentication caller) {
        boolean operator = caller instanceof HubAuthentication hub && hub.role() == HubRole.OPERATOR;
        boolean itself = caller != null && caller.getPrincipal() instanceof Partner p && p.id().equals(id);
        if (!operator && !itself) {
            return Optional.of(problem(HttpStatus.FORBIDDEN, id,
                    "Only the partner itself and operators may read its contract sheet."));
        }
        if (partners.lookUp(id).filter(p -> p.status() != PartnerStatus.REMOVED).isEmpty()) {
            return Optional.of(problem(HttpStatus.NOT_FOUND, id, "There is no partner " + id + "."));
        }
        return Optional.empty();
    }

    private static ResponseEntity<String> problem(HttpStatus status, String id, String detail) {
        ResponseEntity<Map<String, Object>> problem = Problems.of(status, PATH.replace("{id}", id), detail, List.of());
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(JSON.writeValueAsString(problem.getBody()));
    }

    private ContractSheet sheet(Partner partner) {
        Sector other = partner.sector() == Sector.HEALTH ? Sector.NAV : Sector.HEALTH;
        String counterpart = partners.all().stream()
                .filter(p -> p.isActive() && p.sector() == other)
                .map(Partner::id).findFirst().orElse(other == Sector.NAV ? "nav-office-id" : "treatment-team-id");
        String baseUrl = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        SchemaRegistryProperties registryProperties = registry.getIfAvailable();
        String registryUrl = registryProperties != null && registryProperties.external()
                ? registryProperties.url() : baseUrl + "/registry";
        return new ContractSheet(partner, counterpart, topics, baseUrl, kafka.bootstrapServers(), registryUrl,
                edge.maxBodyBytes().toBytes(),
                security.tokenIssuers().stream().map(HubSecurityProperties.TokenIssuer::name).toList(),
                Optional.ofNullable(nhnAddresses.getIfAvailable()).flatMap(a -> a.ofPartner(partner.id())).orElse(null),
                Optional.ofNullable(nhnIdentity.getIfAvailable()).map(NhnIdentity::herId).orElse(null));
    }
}
