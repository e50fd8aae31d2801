package no.ipshub.log.api;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.ipshub.log.audit.AuditTrail;
import no.ipshub.log.indicators.RosterSpell;
import no.ipshub.log.project.ProjectDirectory;
import no.ipshub.log.roster.TeamRosterStore;
import no.ipshub.partners.Partner;
import no.ipshub.partners.PartnerDirectory;
import no.ipshub.schemas.bounds.ContractBounds;
import no.ipshub.schemas.bounds.FieldBound;
import no.ipshub.schemas.v1.Sector;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * A treatment team's roster of job specialists: a health partner sends its whole list with each specialist's first and
 * last day on the team; it is pseudonymised at once with each research project's key (the refs are not stored) and
 * replaces the team's earlier roster. Tenure and turnover of a team with a roster are read from it.
 */
@RestController
@ConditionalOnProperty(prefix = "hub.research", name = "enabled", havingValue = "true", matchIfMissing = true)
public class TeamRosterController {

    static final String PATH = "/api/v1/roster";
    /** The most specialists one roster may list. */
    static final int MAX_SPECIALISTS = 1_000;
    /** A ref is held to the contract's own bound of {@code jobSpecialistRef}, so roster and messages name alike. */
    static final FieldBound REF_BOUND = ContractBounds.JOB_SPECIALIST_REF;

    private final PartnerDirectory partners;
    private final ProjectDirectory projects;
    private final TeamRosterStore rosters;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;

    public TeamRosterController(PartnerDirectory partners, ProjectDirectory projects, TeamRosterStore rosters,
            AuditTrail audit, TransactionTemplate transactions) {
        this.partners = partners;
        this.projects = projects;
        this.rosters = rosters;
        this.audit = audit;
        this.transactions = transactions;
    }

    /**
     * The roster sent.
     *
     * @param specialists every job specialist of the team, past and present
     */
    public record Roster(List<Line> specialists) {
    }

    /**
     * One job specialist on the roster.
     *
     * @param jobSpecialistRef the team's own reference to them, as in its referrals and handovers
     * @param start            their first day on the team
     * @param end              their last day; absent while they are on it
     */
    public record Line(String jobSpecialistRef, LocalDate start, LocalDate end) {
    }

    /** Replaces the calling team's roster; the team is the authenticated health partner. */
    @PutMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Object> replace(HttpServletRequest request, @RequestBody Roster roster) {
        String caller = Caller.require(request, "PARTNER");
        Partner team = partners.find(caller).filter(p -> p.sector() == Sector.HEALTH)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN, "only a treatment team sends a roster"));
        List<String> problems = problems(roster);
        if (!problems.isEmpty()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "The roster was not stored: " + problems.size() + " problem(s).");
            problem.setTitle("Bad roster");
            problem.setProperty("errors", problems);
            return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        Map<String, List<RosterSpell>> byProject = new LinkedHashMap<>();
        for (ProjectDirectory.Entry project : projects.all()) {
            byProject.put(project.project().code(), roster.specialists().stream().map(l -> new RosterSpell(team.id(),
                    project.pseudonymiser().jobSpecialistKey(l.jobSpecialistRef()), l.start(), l.end())).toList());
        }
        int lines = roster.specialists().size();
        transactions.executeWithoutResult(status -> {
            rosters.replace(team.id(), byProject);
            audit.append(team.id(), "TEAM_ROSTER_REPLACED", "PUT " + PATH + " specialists=" + lines + " projects="
                    + String.join(",", byProject.keySet()), lines);
        });
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("team", team.id());
        body.put("specialists", lines);
        body.put("projects", List.copyOf(byProject.keySet()));
        return ResponseEntity.ok(body);
    }

    /** What is wrong with the roster, by line; empty when nothing. */
    static List<String> problems(Roster roster) {
        List<String> problems = new ArrayList<>();
        if (roster == null || roster.specialists() == null) {
            return List.of("specialists: required");
        }
        if (roster.specialists().size() > MAX_SPECIALISTS) {
            return List.of("specialists: at most " + MAX_SPECIALISTS);
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < roster.specialists().size(); i++) {
            Line l = roster.specialists().get(i);
            String at = "specialists[" + i + "]";
            if (l == null) {
                problems.add(at + ": required");
                continue;
            }
            if (l.jobSpecialistRef() == null || l.jobSpecialistRef().isBlank()) {
                problems.add(at + ".jobSpecialistRef: required");
            } else if (REF_BOUND.isTooLong(l.jobSpecialistRef().strip())) {
                problems.add(at + ".jobSpecialistRef: " + REF_BOUND.lengthRule());
            } else if (!REF_BOUND.characters().allows(l.jobSpecialistRef())) {
                problems.add(at + ".jobSpecialistRef: " + REF_BOUND.characters().description());
            }
            if (l.start() == null) {
                problems.add(at + ".start: required");
            } else if (l.end() != null && l.end().isBefore(l.start())) {
                problems.add(at + ".end: must not be before start");
            }
            // the refs are not echoed: the line's index names it
            if (l.jobSpecialistRef() != null && l.start() != null && !seen.add(l.jobSpecialistRef().strip() + "@" + l.start())) {
                problems.add(at + ": the same specialist and start as an earlier line");
            }
        }
        return problems;
    }
}
