package no.ipshub.operations.deadletter;

import java.net.URI;
import no.ipshub.engine.error.TransientFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Answers the dead-letter API's refusals as {@code application/problem+json}, naming the field at fault. */
@RestControllerAdvice(assignableTypes = DeadLetterController.class)
public class DeadLetterExceptionHandler {

    @ExceptionHandler(DeadLetterRequestException.class)
    ResponseEntity<ProblemDetail> refused(DeadLetterRequestException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        if (e.field() != null) {
            problem.setProperty("field", e.field());
        }
        return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(TransientFailureException.class)
    ResponseEntity<ProblemDetail> unavailable(TransientFailureException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "Kafka did not acknowledge the replay in time; nothing was marked replayed, so sending the request "
                        + "again is safe.");
        problem.setType(URI.create("about:blank"));
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
