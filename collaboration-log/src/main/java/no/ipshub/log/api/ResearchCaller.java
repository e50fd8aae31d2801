package no.ipshub.log.api;

import jakarta.servlet.http.HttpServletRequest;
import no.ipshub.log.disclosure.ReleaseLedger;
import no.ipshub.log.project.ResearchProject;
import no.ipshub.log.project.TableScope;

/**
 * Who asks the research API, for which project, and over what: resolved once per request by
 * {@link ResearchAccessInterceptor}.
 *
 * @param name            the authenticated account, for the audit trail
 * @param role            {@link Role#RESEARCHER} or {@link Role#TABLE_READER}
 * @param project         the project asked about
 * @param scope           the cases the tables are computed over: everything for researchers
 * @param publicationSafe true when the tables are checked against everything the project marked publication-safe
 *                        (always for table readers, whose own record of what they were shown is used instead)
 */
public record ResearchCaller(String name, Role role, ResearchProject project, TableScope scope, boolean publicationSafe) {

    static final String ATTRIBUTE = ResearchCaller.class.getName();

    /** The two roles that read research data. */
    public enum Role { RESEARCHER, TABLE_READER }

    /** The caller of this request; set by the interceptor before any research handler runs. */
    public static ResearchCaller of(HttpServletRequest request) {
        Object caller = request.getAttribute(ATTRIBUTE);
        if (caller instanceof ResearchCaller c) {
            return c;
        }
        throw new IllegalStateException("no research caller on " + request.getRequestURI()
                + ": the handler lacks @ResearchAccessLevel");
    }

    /**
     * Whose record of what was shown the tables are checked against: the researcher's own on the project (the plain
     * name on the default project, as before projects), the project's publication-safe record, or the table reader's.
     */
    public String ledger() {
        if (role == Role.TABLE_READER) {
            return "table-reader:" + name;
        }
        if (publicationSafe) {
            return "publication:" + project.code();
        }
        return project.defaultProject() ? name : name + "@" + project.code();
    }

    /** The audience of the release ledger. */
    public ReleaseLedger.Audience audience() {
        return new ReleaseLedger.Audience(ledger(), name, project.code(), project.minCellSize());
    }
}
