package no.ipshub.connectors.ratelimit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import no.ipshub.connectors.ratelimit.EdgeThrottledException.Reason;
import no.ipshub.connectors.security.HubAuthentication;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs after Spring Security, so it sees who the caller is: takes a token from the caller's bucket (one per
 * partner, one per operator or researcher account, whether it came with an API key or an access token) and refuses the request with 429 when there is none.
 * Anonymous requests (health, registry reads) and refused ones never get here with a caller.
 */
public final class RequestRateLimitFilter extends OncePerRequestFilter {

    private final RequestRateLimiter limiter;

    public RequestRateLimitFilter(RequestRateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller instanceof HubAuthentication key && key.isAuthenticated() && key.role() != null) {
            Optional<Duration> wait = limiter.acquire(key.role().name() + ":" + key.getName());
            if (wait.isPresent()) {
                throw new EdgeThrottledException(Reason.RATE_LIMIT, wait.get());
            }
        }
        chain.doFilter(request, response);
    }
}
