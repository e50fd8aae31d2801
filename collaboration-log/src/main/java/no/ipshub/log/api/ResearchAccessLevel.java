package no.ipshub.log.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may call a research endpoint. Every handler under {@code /api/v1/research} and {@code /research} must carry it:
 * {@link ResearchAccessInterceptor} refuses a handler without it, so a new endpoint cannot be forgotten.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ResearchAccessLevel {

    Level value();

    /** The two audiences of the research data, and the sign-in forms. */
    enum Level {
        /** Row-level data (entries, case timelines, the log stream): a project's own researchers only. */
        ROWS,
        /** Tables that are checked for disclosure: a project's researchers and its table readers. */
        TABLES,
        /** The research page's sign-in and sign-out: anyone. */
        SIGN_IN
    }
}
