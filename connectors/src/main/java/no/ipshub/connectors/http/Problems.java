package no.ipshub.connectors.http;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 9457 {@code application/problem+json} answers of the partner edge. Details and errors name fields and
 * rules, never a field's value, so a problem body cannot echo personal data back or into a proxy's log.
 */
public final class Problems {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Problems() {
    }

    /** A problem with a readable detail and, when not empty, an {@code errors} array. */
    public static ResponseEntity<Map<String, Object>> of(HttpStatus status, String instance, String detail,
            List<Map<String, String>> errors) {
        Map<String, Object> body = body(status, instance, detail);
        if (!errors.isEmpty()) {
            body.put("errors", errors);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    /** The body of a problem without {@code errors}, as JSON text, for answers written below Spring MVC. */
    public static String json(HttpStatus status, String instance, String detail) {
        return JSON.writeValueAsString(body(status, instance, detail));
    }

    /** Answers {@code response} with a problem without {@code errors}; for filters, before any controller. */
    public static void write(HttpServletResponse response, HttpStatus status, String instance, String detail)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(json(status, instance, detail).getBytes(StandardCharsets.UTF_8));
    }

    /** A 503 telling the caller when to try again. */
    public static ResponseEntity<Map<String, Object>> unavailable(String instance, String detail, int retryAfterSeconds) {
        ResponseEntity<Map<String, Object>> problem = of(HttpStatus.SERVICE_UNAVAILABLE, instance, detail, List.of());
        return ResponseEntity.status(problem.getStatusCode())
                .header(HttpHeaders.RETRY_AFTER, Integer.toString(retryAfterSeconds))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem.getBody());
    }

    /** One entry of an {@code errors} array. */
    public static Map<String, String> error(String field, String message) {
        Map<String, String> error = new LinkedHashMap<>();
        error.put("field", field);
        error.put("message", message);
        return error;
    }

    /** One entry of an {@code errors} array with the rule's code. */
    public static Map<String, String> error(String field, String code, String message) {
        Map<String, String> error = new LinkedHashMap<>();
        error.put("field", field);
        error.put("code", code);
        error.put("message", message);
        return error;
    }

    private static Map<String, Object> body(HttpStatus status, String instance, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", status.getReasonPhrase());
        body.put("status", status.value());
        body.put("detail", detail);
        body.put("instance", instance);
        return body;
    }
}
