package no.ipshub.operations.dashboard;

import java.util.Map;
import java.util.function.Supplier;
import no.ipshub.engine.error.TransientFailureException;
import no.ipshub.operations.partners.PartnerAdministration;
import no.ipshub.operations.partners.PartnerForm;
import no.ipshub.operations.partners.PartnerRequestException;
import no.ipshub.partners.Partner;
import no.ipshub.web.page.PageResponses;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dashboard's partner buttons and its form that adds a partner: each answers a message for the flash area and
 * tells the partners section to refresh. The same {@link PartnerAdministration} as {@code /api/v1/ops/partners}.
 */
@RestController
public class OpsPartnerActions {


    private final PartnerAdministration partners;

    public OpsPartnerActions(PartnerAdministration partners) {
        this.partners = partners;
    }

    @PostMapping("/ops/actions/partners/add")
    public ResponseEntity<String> add(@RequestParam Map<String, String> form, Authentication operator) {
        return act(() -> {
            PartnerAdministration.Added added = partners.add(new PartnerForm(form.get("id"), form.get("name"),
                    form.get("sector"), form.get("organisation"), form.get("tokenOrganisation"), null),
                    operator.getName());
            Partner p = added.partner();
            return OpsFragments.partnerAdded(p.id(), added.apiKey(), p.tokenOrganisation(),
                    "/api/v1/partners/" + p.id() + "/contract");
        });
    }

    @PostMapping("/ops/actions/partners/{id}/suspend")
    public ResponseEntity<String> suspend(@PathVariable String id, Authentication operator) {
        return act(() -> OpsFragments.flash(true, "Suspended partner " + partners.suspend(id, operator.getName()).id()
                + ": the hub accepts no message from or to it."));
    }

    @PostMapping("/ops/actions/partners/{id}/reinstate")
    public ResponseEntity<String> reinstate(@PathVariable String id, Authentication operator) {
        return act(() -> OpsFragments.flash(true, "Reinstated partner "
                + partners.reinstate(id, operator.getName()).id() + "."));
    }

    @PostMapping("/ops/actions/partners/{id}/remove")
    public ResponseEntity<String> remove(@PathVariable String id, Authentication operator) {
        return act(() -> OpsFragments.flash(true, "Removed partner " + partners.remove(id, operator.getName()).id()
                + ". Its inbox topic is kept for its retention."));
    }

    private static ResponseEntity<String> act(Supplier<String> action) {
        String body;
        try {
            body = action.get();
        } catch (PartnerRequestException e) {
            String fields = e.errors().stream().map(err -> err.get("field") + " " + err.get("message"))
                    .reduce((a, b) -> a + "; " + b).map(s -> " " + s + ".").orElse("");
            body = OpsFragments.flash(false, e.getMessage() + fields);
        } catch (TransientFailureException e) {
            body = OpsFragments.flash(false, "Kafka or the schema registry did not answer; nothing was stored. Try again.");
        }
        return ResponseEntity.ok()
                .contentType(PageResponses.HTML)
                .header("HX-Trigger", OpsFragments.PARTNERS_CHANGED)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body);
    }
}
