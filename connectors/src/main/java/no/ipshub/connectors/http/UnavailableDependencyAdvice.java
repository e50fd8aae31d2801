package no.ipshub.connectors.http;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import no.ipshub.engine.error.FailureClassifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns a failure of Kafka, the database or the registry during a partner request into 503 with
 * {@code Retry-After}: nothing was recorded, and sending the same message again is safe.
 */
@RestControllerAdvice(basePackages = "no.ipshub.connectors")
public class UnavailableDependencyAdvice {

    private static final Logger log = LoggerFactory.getLogger(UnavailableDependencyAdvice.class);

    private final HttpEdgeProperties properties;

    public UnavailableDependencyAdvice(HttpEdgeProperties properties) {
        this.properties = properties;
    }

    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<Map<String, Object>> unavailable(RuntimeException failure, HttpServletRequest request)
            throws RuntimeException {
        if (!FailureClassifier.isTransient(failure)) {
            throw failure;
        }
        log.warn("{} {} answered 503: {}", request.getMethod(), request.getRequestURI(), failure.toString());
        return Problems.unavailable(request.getRequestURI(),
                "The hub cannot take this request right now. Send the same request again later.",
                properties.retryAfterSeconds());
    }
}
