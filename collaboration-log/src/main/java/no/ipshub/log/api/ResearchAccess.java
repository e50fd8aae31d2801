package no.ipshub.log.api;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import no.ipshub.log.project.ProjectDirectory;
import no.ipshub.log.project.ResearchProject;
import no.ipshub.log.project.TableReader;
import no.ipshub.log.project.TableScope;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Resolves the research caller of a request, behind the hub's security rules (which let both research roles reach
 * {@code /api/v1/research/**} and {@code /research/**}): a researcher reads the project named by {@code project} (the
 * default project when not named) when the project lists them; a table reader reads its own project, over its
 * scope, and never rows. Anonymous callers and every other role are refused, whatever the rules say.
 */
public class ResearchAccess {

    /** The role of a project's researchers. */
    public static final String RESEARCHER = "RESEARCHER";
    /** The role of those who read tables only. */
    public static final String TABLE_READER = "TABLE_READER";

    private final ProjectDirectory projects;

    public ResearchAccess(ProjectDirectory projects) {
        this.projects = projects;
    }

    /** The caller, allowed at {@code level}; otherwise a 401 or 403 saying why. */
    public ResearchCaller resolve(HttpServletRequest request, ResearchAccessLevel.Level level) {
        Principal principal = request.getUserPrincipal();
        if (principal == null) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "authentication required");
        }
        String name = principal.getName();
        String asked = blankToNull(request.getParameter("project"));
        if (request.isUserInRole(RESEARCHER)) {
            ProjectDirectory.Entry entry = asked == null ? projects.defaultProject() : projects.find(asked).orElse(null);
            if (entry == null || !entry.project().hasResearcher(name)) {
                throw new ResponseStatusException(HttpStatus.FORBIDDEN, "You are not a researcher of project "
                        + (asked == null ? entry == null ? "" : entry.project().code() : asked) + ".");
            }
            boolean safe = "true".equalsIgnoreCase(request.getParameter("publicationSafe"));
            return new ResearchCaller(name, ResearchCaller.Role.RESEARCHER, entry.project(), TableScope.EVERYTHING, safe);
        }
        if (request.isUserInRole(TABLE_READER)) {
            if (level == ResearchAccessLevel.Level.ROWS) {
                throw new ResponseStatusException(HttpStatus.FORBIDDEN, "A table reader reads tables only: entries, case "
                        + "timelines and their exports are for the project's researchers.");
            }
            TableReader reader = projects.tableReader(name)
                    .orElseGet(() -> new TableReader(name, projects.defaultProject().project().code(), TableScope.EVERYTHING));
            ResearchProject project = projects.find(reader.project()).map(ProjectDirectory.Entry::project)
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN,
                            "The project of this table reader is not served."));
            if (asked != null && !asked.equals(project.code())) {
                throw new ResponseStatusException(HttpStatus.FORBIDDEN, "This table reader reads project "
                        + project.code() + " only.");
            }
            return new ResearchCaller(name, ResearchCaller.Role.TABLE_READER, project, reader.scope(), true);
        }
        throw new ResponseStatusException(HttpStatus.FORBIDDEN, "role " + RESEARCHER + " or " + TABLE_READER + " required");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
