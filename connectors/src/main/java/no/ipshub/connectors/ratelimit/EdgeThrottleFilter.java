package no.ipshub.connectors.ratelimit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outermost filter of the edge: tells the throttles which client address the request comes from, and
 * answers a request refused by any of them ({@link EdgeThrottledException}, wherever in the chain it was
 * thrown) with an {@code application/problem+json} 429 or 503 and {@code Retry-After} in whole seconds. The
 * body names neither the key nor the address; logs do not name the address either (client addresses are
 * personal data; the reverse proxy's access log is where they belong).
 */
public final class EdgeThrottleFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(EdgeThrottleFilter.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ThrottleStatistics statistics;
    private final RequestRateLimiter limiter;

    public EdgeThrottleFilter(ThrottleStatistics statistics, RequestRateLimiter limiter) {
        this.statistics = statistics;
        this.limiter = limiter;
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ClientAddress.set(request.getRemoteAddr());
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException failure) {
            EdgeThrottledException throttled = throttledCause(failure);
            if (throttled == null || response.isCommitted()) {
                throw failure;
            }
            refuse(request, response, throttled);
        } finally {
            ClientAddress.clear();
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, EdgeThrottledException throttled)
            throws IOException {
        statistics.throttled(throttled.reason());
        log.debug("{} {} refused: {}", request.getMethod(), request.getRequestURI(), throttled.reason());
        HttpStatus status = throttled.reason() == EdgeThrottledException.Reason.DERIVATIONS_BUSY
                ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.TOO_MANY_REQUESTS;
        long seconds = Math.max(1, (throttled.retryAfter().toMillis() + 999) / 1000);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail(throttled.reason()) + " Try again in " + seconds + " s (Retry-After).");
        problem.put("instance", request.getRequestURI());
        response.resetBuffer();
        response.setStatus(status.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        JSON.writeValue(response.getOutputStream(), problem);
    }

    private String detail(EdgeThrottledException.Reason reason) {
        return switch (reason) {
            case RATE_LIMIT -> "Too many requests from this caller: at most " + format(limiter.requestsPerSecond())
                    + " per second with bursts of " + limiter.burst() + " (hub.http.rate-limit).";
            case AUTH_FAILURES -> "Too many requests with unknown API keys from this address.";
            case DERIVATIONS_BUSY -> "The hub is verifying too many new API keys at once.";
        };
    }

    private static String format(double rate) {
        return rate == Math.rint(rate) ? Long.toString((long) rate) : Double.toString(rate);
    }

    private static EdgeThrottledException throttledCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof EdgeThrottledException throttled) {
                return throttled;
            }
        }
        return null;
    }
}
