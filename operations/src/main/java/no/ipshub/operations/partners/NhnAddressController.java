package no.ipshub.operations.partners;

import java.util.List;
import java.util.Map;
import no.ipshub.connectors.http.Problems;
import no.ipshub.connectors.nhn.NhnAddress;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/ops/partners/{id}/nhn} (operator role): a partner's address on Norsk helsenett. {@code PUT} sets
 * it ({@code herId}, {@code organisationHerId}, {@code deliverOverNhn}), {@code GET} shows it, {@code DELETE}
 * removes it. 400 for bad fields, 404 for an unknown partner or no address, 409 for a removed partner or a HER-id
 * another partner has.
 */
@RestController
@ConditionalOnProperty(prefix = "hub.nhn", name = "enabled", havingValue = "true", matchIfMissing = true)
public class NhnAddressController {

    static final String PATH = PartnersApiController.PATH + "/{id}/nhn";

    private final NhnAddressAdministration addresses;

    public NhnAddressController(NhnAddressAdministration addresses) {
        this.addresses = addresses;
    }

    @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<?> get(@PathVariable String id) {
        return addresses.get(id).<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(() -> Problems.of(
                HttpStatus.NOT_FOUND, PartnersApiController.PATH + "/" + id + "/nhn",
                "Partner " + id + " has no address on Norsk helsenett.", List.of()));
    }

    @PutMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public NhnAddress put(@PathVariable String id, @RequestBody NhnAddressForm form, Authentication operator) {
        return addresses.put(id, form, operator.getName());
    }

    @DeleteMapping(path = PATH)
    public ResponseEntity<Void> remove(@PathVariable String id, Authentication operator) {
        addresses.remove(id, operator.getName());
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(PartnerRequestException.class)
    ResponseEntity<Map<String, Object>> refused(PartnerRequestException e) {
        return Problems.of(e.status(), PartnersApiController.PATH, e.getMessage(), e.errors());
    }
}
