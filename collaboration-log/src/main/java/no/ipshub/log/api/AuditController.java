package no.ipshub.log.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import no.ipshub.log.audit.AuditRecord;
import no.ipshub.log.audit.AuditTrail;
import no.ipshub.log.audit.ChainVerification;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit trail for operators: its rows (research reads and exports, consent withdrawals, partner changes), and
 * whether the hash chain is intact. Served with the research API switched off too, since partner changes are
 * audited regardless.
 */
@RestController
public class AuditController {

    static final String ROLE = "OPERATOR";
    private static final int MAX_LIMIT = 1000;

    private final AuditTrail audit;

    public AuditController(AuditTrail audit) {
        this.audit = audit;
    }

    /**
     * Up to {@code limit} rows after seq {@code after}, and the verification of the whole chain.
     *
     * @param after   the last seq already seen; 0 for the start
     * @param limit   rows to return, at most 1000
     * @param project only the rows of this research project; all rows when not given
     */
    @GetMapping(value = "/api/v1/ops/audit", produces = MediaType.APPLICATION_JSON_VALUE)
    public AuditPage audit(HttpServletRequest request, @RequestParam(defaultValue = "0") long after,
            @RequestParam(defaultValue = "100") int limit, @RequestParam(required = false) String project) {
        Caller.require(request, ROLE);
        if (after < 0 || limit < 1 || limit > MAX_LIMIT) {
            throw new BadQueryException("after must be 0 or more and limit between 1 and " + MAX_LIMIT);
        }
        return new AuditPage(audit.verify(), project == null || project.isBlank() ? audit.list(after, limit)
                : audit.list(project.strip(), after, limit));
    }

    /**
     * A page of the audit trail.
     *
     * @param verification the result of checking the whole chain
     * @param records      the page's rows, oldest first
     */
    public record AuditPage(ChainVerification verification, List<AuditRecord> records) {
    }
}
