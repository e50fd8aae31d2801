package no.ipshub.log.api;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;

/**
 * Answers a research or audit query that cannot be understood with 400 and an RFC 9457 problem naming the parameter,
 * and a caller the research access rules refuse with 401 or 403 and the reason.
 */
@RestControllerAdvice(assignableTypes = {ResearchController.class, ResearchExportController.class,
        ParquetExportController.class, AuditController.class, FidelityReviewController.class})
class ResearchApiErrors {

    /** A caller refused by the research access rules: 401 or 403 with the reason, as a problem. */
    @ExceptionHandler(ResponseStatusException.class)
    ProblemDetail refused(ResponseStatusException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.getStatusCode(), e.getReason());
        problem.setTitle(HttpStatus.valueOf(e.getStatusCode().value()).getReasonPhrase());
        return problem;
    }

    @ExceptionHandler(BadQueryException.class)
    ProblemDetail badQuery(BadQueryException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Bad query");
        return problem;
    }
}
