package no.ipshub.log.page;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import no.ipshub.connectors.security.ApiKeyAuthenticator;
import no.ipshub.log.ResearchProperties;
import no.ipshub.log.api.FidelityReviewController;
import no.ipshub.log.api.ResearchAccessLevel;
import no.ipshub.log.api.ResearchAnswers;
import no.ipshub.log.api.ResearchCaller;
import no.ipshub.web.page.PageResponses;
import no.ipshub.web.signin.BrowserSignIn;
import no.ipshub.web.signin.BrowserSignInForm;
import no.ipshub.web.signin.SignInPage;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The research page at {@code /research} for researchers and table readers signed in with their key (the same
 * browser sign-in as {@code /ops}): the IPS-25 evidence, the indicators per team, NAV office and month, the time to
 * the first competitive job with its survival curve, the pair picture, and (for researchers) a pair's timeline and
 * the row exports. Every figure comes from the research API's own answers, so it is suppressed, checked against
 * what the caller's audience was shown before, and audited exactly as there.
 */
@RestController
@ConditionalOnProperty(prefix = "hub.research", name = "enabled", havingValue = "true", matchIfMissing = true)
public class ResearchPageController {

    private final ResearchAnswers answers;
    private final FidelityReviewController reviews;
    private final ResearchPage page = new ResearchPage();
    private final BrowserSignInForm form;

    public ResearchPageController(ResearchAnswers answers, FidelityReviewController reviews,
            ApiKeyAuthenticator authenticator, ResearchProperties research) {
        this.answers = answers;
        this.reviews = reviews;
        this.form = new BrowserSignInForm(ResearchSignIn.SIGN_IN, authenticator, research.sessionMaxAge(),
                new SignInPage(ResearchSignIn.SIGN_IN, "Research page", "researcher"));
    }

    /** The page for the period; without one, from the first of January to today. */
    @ResearchAccessLevel(ResearchAccessLevel.Level.TABLES)
    @GetMapping("/research")
    public ResponseEntity<String> page(HttpServletRequest request, Authentication researcher,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        LocalDate today = answers.today();
        LocalDate start = today.withDayOfYear(1);
        LocalDate end = today;
        String message = "";
        try {
            start = from == null || from.isBlank() ? start : LocalDate.parse(from.strip());
            end = to == null || to.isBlank() ? end : LocalDate.parse(to.strip());
        } catch (DateTimeParseException e) {
            message = "Dates are yyyy-MM-dd; showing this year so far.";
            start = today.withDayOfYear(1);
            end = today;
        }
        if (start.isAfter(end)) {
            message = "From must not be after to; showing this year so far.";
            start = today.withDayOfYear(1);
            end = today;
        }
        ResearchCaller caller = ResearchCaller.of(request);
        String f = start.toString();
        String t = end.toString();
        Object csrf = request.getAttribute(BrowserSignIn.CSRF_ATTRIBUTE);
        String body = page.render(new ResearchPage.Content(caller, csrf == null ? "" : csrf.toString(), start, end, message,
                answers.fidelity(caller, "FIDELITY_READ", request, f, t),
                answers.indicators(caller, "INDICATORS_READ", request, f, t, "team"),
                answers.indicators(caller, "INDICATORS_READ", request, f, t, "navOffice"),
                answers.indicators(caller, "INDICATORS_READ", request, f, t, "month"),
                answers.pairs(caller, "PAIRS_READ", request, f, t),
                answers.timeToEvent(caller, "TIME_TO_EVENT_READ", request, f, t, "team"),
                reviews.comparison(caller, request, f, t)));
        return html(HttpStatus.OK, body);
    }

    /** The timeline of one pair ({@code team|navOffice}), as a fragment for htmx. */
    @ResearchAccessLevel(ResearchAccessLevel.Level.ROWS)
    @GetMapping("/research/timeline")
    public ResponseEntity<String> timeline(HttpServletRequest request, Authentication researcher,
            @RequestParam(required = false) String pair, @RequestParam String from, @RequestParam String to) {
        if (pair == null || !pair.contains("|") || !isDate(from) || !isDate(to)) {
            return html(HttpStatus.OK, ResearchPage.empty("No pair to show."));
        }
        String[] teamAndOffice = pair.split("\\|", 2);
        return html(HttpStatus.OK, page.timeline(answers.timelines(ResearchCaller.of(request), "TIMELINES_READ", request,
                teamAndOffice[0], teamAndOffice[1], from, to)));
    }

    @ResearchAccessLevel(ResearchAccessLevel.Level.SIGN_IN)
    @GetMapping("/research/login")
    public ResponseEntity<String> loginForm() {
        return form.form();
    }

    @ResearchAccessLevel(ResearchAccessLevel.Level.SIGN_IN)
    @PostMapping(path = "/research/login", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    public ResponseEntity<String> signIn(@RequestParam(required = false) String apiKey, HttpServletRequest request) {
        return form.signIn(apiKey, request);
    }

    @ResearchAccessLevel(ResearchAccessLevel.Level.SIGN_IN)
    @PostMapping("/research/logout")
    public ResponseEntity<Void> signOut(HttpServletRequest request, Authentication researcher) {
        return form.signOut(request, researcher);
    }

    private static boolean isDate(String text) {
        try {
            LocalDate.parse(text.strip());
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static ResponseEntity<String> html(HttpStatus status, String body) {
        return PageResponses.html(status, body);
    }
}
