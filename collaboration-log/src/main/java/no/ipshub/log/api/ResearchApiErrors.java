package no.ipshub.log.api;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Answers a research or audit query that cannot be understood with 400 and an RFC 9457 problem naming the parameter. */
@RestControllerAdvice(assignableTypes = {ResearchController.class, ResearchExportController.class,
        ParquetExportController.class, AuditController.class})
class ResearchApiErrors {

    @ExceptionHandler(BadQueryException.class)
    ProblemDetail badQuery(BadQueryException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Bad query");
        return problem;
    }
}
