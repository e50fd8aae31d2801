package no.ipshub.log.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import no.ipshub.log.api.ResearchAccessLevel.Level;
import no.ipshub.log.audit.AuditTrail;
import no.ipshub.log.fidelity.FidelityReview;
import no.ipshub.log.fidelity.FidelityReviewCsv;
import no.ipshub.log.fidelity.FidelityReviewStore;
import no.ipshub.log.fidelity.PublishedFidelity;
import no.ipshub.log.fidelity.ReviewComparison;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Fidelity reviews: a project's researchers import the reviewers' IPS-25 scores as CSV (audited with the number of
 * reviews and items), and researchers and table readers read the latest review of each team in a period beside the
 * event evidence of that period, item by item.
 */
@RestController
@ConditionalOnProperty(prefix = "hub.research", name = "enabled", havingValue = "true", matchIfMissing = true)
public class FidelityReviewController {

    /** The largest CSV body taken. */
    static final int MAX_BODY_CHARS = 1_000_000;

    private final FidelityReviewStore reviews;
    private final ResearchAnswers answers;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;

    public FidelityReviewController(FidelityReviewStore reviews, ResearchAnswers answers, AuditTrail audit,
            TransactionTemplate transactions) {
        this.reviews = reviews;
        this.answers = answers;
        this.audit = audit;
        this.transactions = transactions;
    }

    /** Imports reviews: {@code team,reviewDate,item,score}, all 25 items per team and day; all or nothing. */
    @ResearchAccessLevel(Level.ROWS)
    @PostMapping(path = "/api/v1/research/fidelity/reviews", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE},
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Object> importReviews(HttpServletRequest request, @RequestBody(required = false) String csv) {
        ResearchCaller caller = ResearchCaller.of(request);
        if (csv != null && csv.length() > MAX_BODY_CHARS) {
            throw new BadQueryException("the file must be at most " + MAX_BODY_CHARS + " characters");
        }
        FidelityReviewCsv.Parsed parsed = FidelityReviewCsv.parse(csv, answers.today());
        if (!parsed.problems().isEmpty()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "The file was not imported: " + parsed.problems().size() + " problem(s).");
            problem.setTitle("Bad review file");
            problem.setProperty("errors", parsed.problems());
            return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        String project = caller.project().code();
        transactions.executeWithoutResult(status -> {
            reviews.put(project, parsed.reviews(), caller.name());
            audit.append(caller.name(), "FIDELITY_REVIEWS_IMPORTED", "reviews=" + String.join(",", parsed.reviews().stream()
                    .map(r -> r.team() + "@" + r.reviewDate()).toList()), parsed.reviews().size() * 25L, project);
        });
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("project", project);
        body.put("reviews", parsed.reviews().stream().map(r -> {
            Map<String, Object> review = new LinkedHashMap<>();
            review.put("team", r.team());
            review.put("reviewDate", r.reviewDate());
            review.put("total", r.total());
            return review;
        }).toList());
        return ResponseEntity.status(HttpStatus.CREATED).body(body);
    }

    /** Each team's latest review in the period beside the event evidence of the period. */
    @ResearchAccessLevel(Level.TABLES)
    @GetMapping(value = "/api/v1/research/fidelity/reviews", produces = MediaType.APPLICATION_JSON_VALUE)
    public ReviewComparison compare(HttpServletRequest request, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        return comparison(ResearchCaller.of(request), request, from, to);
    }

    /** The comparison for the research page too. */
    public ReviewComparison comparison(ResearchCaller caller, HttpServletRequest request, String from, String to) {
        PublishedFidelity evidence = answers.fidelity(caller, "FIDELITY_REVIEWS_READ", request, from, to);
        Map<String, FidelityReview> latest = reviews.latest(caller.project().code(), evidence.from(), evidence.to());
        if (!caller.scope().teams().isEmpty()) {
            latest.keySet().retainAll(caller.scope().teams());
        }
        return ReviewComparison.of(evidence, caller.project().code(), latest);
    }
}
