package no.ipshub.log.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Runs before every handler under {@code /api/v1/research} and {@code /research}: reads the handler's
 * {@link ResearchAccessLevel}, resolves the {@link ResearchCaller} for it (401 or 403 when the caller may not) and
 * hands it to the handler as a request attribute. A handler without the annotation is refused, so an endpoint added
 * later is closed until someone decides who may call it.
 */
public class ResearchAccessInterceptor implements HandlerInterceptor {

    /** The paths the interceptor guards. */
    public static final String[] PATHS = {"/api/v1/research/**", "/research", "/research/**"};

    private final ResearchAccess access;

    public ResearchAccessInterceptor(ResearchAccess access) {
        this.access = access;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true; // static assets of the research page
        }
        ResearchAccessLevel level = method.getMethodAnnotation(ResearchAccessLevel.class);
        if (level == null) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "This research endpoint has no access level.");
        }
        if (level.value() != ResearchAccessLevel.Level.SIGN_IN) {
            request.setAttribute(ResearchCaller.ATTRIBUTE, access.resolve(request, level.value()));
        }
        return true;
    }
}
