package no.ipshub.log.page;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.ipshub.log.api.ResearchCaller;
import no.ipshub.log.fidelity.FidelityItem;
import no.ipshub.log.fidelity.PublishedFidelity;
import no.ipshub.log.fidelity.ReviewComparison;
import no.ipshub.log.indicators.Indicator;
import no.ipshub.log.indicators.PublishedIndicators;
import no.ipshub.log.pairs.PairTable;
import no.ipshub.log.pairs.PairTimelines;
import no.ipshub.log.pairs.PublishedPairs;
import no.ipshub.log.suppression.Suppression;
import no.ipshub.log.survival.PublishedTimeToEvent;
import no.ipshub.log.survival.TimeToEventCalculator;
import no.ipshub.web.page.Layout;
import no.ipshub.web.page.Model;
import no.ipshub.web.page.PageTemplates;
import tools.jackson.databind.json.JsonMapper;

/**
 * Draws the research page from published answers (already suppressed and audited): the IPS-25 evidence per team,
 * the indicators per team, NAV office and month, the time to the first competitive job with its survival curve, the
 * pair picture, and (for researchers) a pair's timeline, as tables ({@code templates/research/parts/table}) in
 * {@code templates/research/page}, and the data of the charts as JSON for {@code research.js}. A suppressed value is
 * drawn as "suppressed" with its reason, never as a number.
 */
final class ResearchPage {

    /** The pair picture's columns: a selection of the measures, over the whole period. */
    static final List<String> PAIR_MEASURES = List.of("referrals", "acceptanceRate", "openCaseload",
            "employerContactsPerOpenCaseMonth", "teamNavMeetingsPerOpenCaseMonth", "entries.NAV_COLLABORATION_MEETING",
            "entries.EMPLOYER_CONTACT", "entries.JOB_STARTED");

    private final JsonMapper json = JsonMapper.builder().build();

    /** What the page shows. */
    record Content(ResearchCaller caller, String csrfToken, LocalDate from, LocalDate to, String message,
            PublishedFidelity fidelity, PublishedIndicators byTeam, PublishedIndicators byNavOffice,
            PublishedIndicators byMonth, PublishedPairs pairs, PublishedTimeToEvent timeToEvent, ReviewComparison reviews) {

        int minCellSize() {
            return caller.project().minCellSize();
        }
    }

    String render(Content c) {
        List<FidelityItem> measured = PublishedFidelity.measured();
        boolean rows = c.caller().role() == ResearchCaller.Role.RESEARCHER;
        String project = c.caller().project().code();
        return PageTemplates.render("research/page", Model.of("layout", Layout.withCharts("research", "/research",
                        List.of("/research/assets/research.css"), List.of("/research/assets/research.js")))
                .with("header", Model.of("pages", "research").with("user", c.caller().name())
                        .with("role", rows ? "researcher" : "table reader").with("project", project)
                        .with("logoutPath", ResearchSignIn.SIGN_IN.logoutPath()).with("csrfToken", c.csrfToken()))
                .with("project", project)
                .with("from", c.from())
                .with("to", c.to())
                .with("period", "project=" + project + "&from=" + c.from() + "&to=" + c.to())
                .with("minCellSize", c.minCellSize())
                .with("message", c.message())
                .with("rowExports", rows)
                .with("timelineForm", rows)
                .with("pairOptions", c.pairs().pairs().stream().map(pair -> Model.of("value",
                        pair.team() + "|" + pair.navOffice()).with("label", pair.team() + " ↔ " + pair.navOffice())).toList())
                .with("evidenced", measured.size())
                .with("fidelity", fidelityTable(c.fidelity(), measured, c.minCellSize()))
                .with("reviews", reviewTables(c.reviews()))
                .with("notFromEvents", c.fidelity().items().stream()
                        .filter(item -> item.evidence() == FidelityItem.Evidence.NOT_FROM_EVENTS)
                        .map(item -> Model.of("number", item.number()).with("title", item.title())).toList())
                .with("indicatorsTeam", indicatorTable("indicators-team", "team", c.byTeam(), c.minCellSize()))
                .with("indicatorsNavOffice", indicatorTable("indicators-nav-office", "NAV office", c.byNavOffice(),
                        c.minCellSize()))
                .with("indicatorsMonth", indicatorTable("indicators-month", "month", c.byMonth(), c.minCellSize()))
                .with("survival", survivalTable(c.timeToEvent(), c.minCellSize()))
                .with("pairs", pairTable(c.pairs(), c.minCellSize()))
                .with("fidelityJson", script(fidelityChart(c.fidelity(), measured)))
                .with("monthJson", script(monthChart(c.byMonth())))
                .with("survivalJson", script(survivalChart(c.timeToEvent()))));
    }

    /** The timeline fragment of one pair, for htmx. */
    String timeline(PairTimelines t) {
        if (t.cases().isEmpty()) {
            return empty("No case of this pair started in the period.");
        }
        List<String> labels = new ArrayList<>();
        Map<String, List<Map<String, Object>>> byKind = new LinkedHashMap<>();
        for (int i = 0; i < t.cases().size(); i++) {
            PairTimelines.Timeline timeline = t.cases().get(i);
            labels.add(timeline.startDate() == null ? timeline.label() : timeline.label().substring(0, 8) + "… "
                    + timeline.startDate());
            for (PairTimelines.Event e : timeline.events()) {
                byKind.computeIfAbsent(e.kind(), k -> new ArrayList<>()).add(Map.of("x", e.day(), "y", i));
            }
        }
        List<Map<String, Object>> kinds = new ArrayList<>();
        byKind.forEach((kind, points) -> kinds.add(Map.of("kind", kind, "points", points)));
        String caption = t.team() + " and " + t.navOffice() + ": " + t.cases().size() + " cases, events in days from the "
                + "referral (or from consent given again)" + (t.calendarDates() ? "."
                        : "; fewer than " + t.minCellSize() + " participants, so no calendar dates and no case pseudonyms.");
        return PageTemplates.render("research/timeline", Model.of("empty", null).with("caption", caption)
                .with("json", script(Map.of("cases", labels, "kinds", kinds))));
    }

    /** The fragment that says there is nothing to show, for htmx. */
    static String empty(String text) {
        return PageTemplates.render("research/timeline", Model.of("empty", text));
    }

    /** The rows of the time-to-event table: per team, the Kaplan-Meier median and the numbers at risk. */
    static final List<String> SURVIVAL_MEASURES = List.of("firstJob.subjects", "firstJob.events", "firstJob.censored",
            "firstJob.medianDays", "firstJob.atRisk.d90", "firstJob.atRisk.d180", "firstJob.atRisk.d365",
            "firstJob.m12.inWork", "jobTenure.subjects", "jobTenure.medianDays");

    /** A table for {@code research/parts/table}. */
    private static Model table(String id, String corner, List<String> head, List<Model> rows) {
        return Model.of("empty", null).with("id", id).with("corner", corner).with("head", head).with("rows", rows);
    }

    /** What a table shows when it has nothing to show. */
    private static Model noTable(String text) {
        return Model.of("empty", text);
    }

    private static Model row(String group, List<Model> cells) {
        return Model.of("group", group).with("cells", cells);
    }

    private static Model survivalTable(PublishedTimeToEvent t, int minCellSize) {
        Map<String, Map<String, PublishedTimeToEvent.Cell>> byGroup = new LinkedHashMap<>();
        t.cells().forEach(c -> byGroup.computeIfAbsent(c.group(), g -> new LinkedHashMap<>()).put(c.measure(), c));
        if (byGroup.size() <= 1) {
            return noTable("No referral in the period.");
        }
        List<Model> rows = new ArrayList<>();
        byGroup.forEach((group, cells) -> rows.add(row(group, SURVIVAL_MEASURES.stream()
                .map(m -> cell(cells.get(m).value(), cells.get(m).suppression(), minCellSize)).toList())));
        return table("survival-table", "team", SURVIVAL_MEASURES, rows);
    }

    /** Per team with a review in the period: its scores beside the anchors from events, and the difference. */
    private static List<Model> reviewTables(ReviewComparison r) {
        List<Model> tables = new ArrayList<>();
        for (ReviewComparison.Team team : r.teams()) {
            List<Model> rows = new ArrayList<>();
            for (ReviewComparison.Item item : team.items()) {
                rows.add(row(item.number() + " " + FidelityItem.values()[item.number() - 1].title(), List.of(
                        value(item.score()), item.eventAnchor() == null ? missing() : value(item.eventAnchor()),
                        item.difference() == null ? missing() : value(item.difference()))));
            }
            rows.add(row("total", List.of(value(team.total()), missing(), missing())));
            tables.add(Model.of("team", team.team()).with("date", team.reviewDate())
                    .with("table", table("review-table-" + team.team(), "item",
                            List.of("review", "events", "events - review"), rows)));
        }
        return tables;
    }

    /** Per group, the survival at day 0 and at each point of the curve (null where suppressed). */
    private static Map<String, Object> survivalChart(PublishedTimeToEvent t) {
        List<Integer> days = new ArrayList<>();
        days.add(0);
        for (int d = TimeToEventCalculator.CURVE_STEP_DAYS; d <= TimeToEventCalculator.CURVE_DAYS;
                d += TimeToEventCalculator.CURVE_STEP_DAYS) {
            days.add(d);
        }
        Map<String, List<Double>> curves = new LinkedHashMap<>();
        for (PublishedTimeToEvent.Cell c : t.cells()) {
            if (c.measure().startsWith("firstJob.survival.d")) {
                curves.computeIfAbsent(c.group(), g -> {
                    List<Double> start = new ArrayList<>();
                    start.add(1.0);
                    return start;
                }).add(c.value());
            }
        }
        List<Map<String, Object>> groups = new ArrayList<>();
        curves.forEach((group, values) -> {
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("group", group);
            g.put("survival", values);
            groups.add(g);
        });
        return Map.of("days", days, "groups", groups);
    }

    private static Model fidelityTable(PublishedFidelity f, List<FidelityItem> measured, int minCellSize) {
        if (f.teams().size() <= 1) {
            return noTable("No case in the period.");
        }
        List<Model> rows = new ArrayList<>();
        for (FidelityItem item : measured) {
            List<Model> cells = new ArrayList<>();
            for (PublishedFidelity.Team team : f.teams()) {
                PublishedFidelity.Score s = team.items().get(item.number() - 1);
                cells.add(s.suppression() != Suppression.NONE ? suppressed(s.suppression(), minCellSize)
                        : s.value() == null ? missing()
                        : cellOf("scored").with("value", number(s.value())).with("anchor", s.anchor())
                                .with("cases", s.cases()));
            }
            rows.add(row(item.number() + " " + item.title(), cells));
        }
        return table("fidelity-table", "item", f.teams().stream().map(PublishedFidelity.Team::team).toList(), rows);
    }

    private static Model indicatorTable(String id, String corner, PublishedIndicators p, int minCellSize) {
        Map<String, List<PublishedIndicators.Cell>> byGroup = new LinkedHashMap<>();
        p.cells().forEach(c -> byGroup.computeIfAbsent(c.group(), g -> new ArrayList<>()).add(c));
        List<Model> rows = new ArrayList<>();
        byGroup.forEach((group, cells) -> rows.add(row(group, cells.stream()
                .map(c -> cell(c.value(), c.suppression(), minCellSize)).toList())));
        return table(id, corner, Arrays.stream(Indicator.values()).map(Indicator::id).toList(), rows);
    }

    private static Model pairTable(PublishedPairs p, int minCellSize) {
        if (p.pairs().isEmpty()) {
            return noTable("No case in the period.");
        }
        List<Model> rows = new ArrayList<>();
        for (PairTable.Pair pair : p.pairs()) {
            List<Model> cells = new ArrayList<>();
            for (String measure : PAIR_MEASURES) {
                PublishedPairs.Cell c = p.cells().stream().filter(x -> x.team().equals(pair.team())
                        && x.navOffice().equals(pair.navOffice()) && x.month().equals("ALL") && x.measure().equals(measure))
                        .findFirst().orElseThrow();
                cells.add(cell(c.value(), c.suppression(), minCellSize));
            }
            rows.add(row(pair.team() + " ↔ " + pair.navOffice(), cells));
        }
        return table("pairs-table", "pair, whole period", PAIR_MEASURES, rows);
    }

    /** A cell of one kind: every kind named, so that a cell never reads its kind from the table around it. */
    private static Model cellOf(String kind) {
        Model cell = Model.of("plain", false).with("scored", false).with("suppressed", false).with("missing", false);
        return cell.with(kind, true);
    }

    private static Model cell(Double value, Suppression suppression, int minCellSize) {
        if (suppression != Suppression.NONE) {
            return suppressed(suppression, minCellSize);
        }
        return value == null ? missing() : value(number(value));
    }

    private static Model value(Object value) {
        return cellOf("plain").with("value", value);
    }

    private static Model missing() {
        return cellOf("missing");
    }

    private static Model suppressed(Suppression why, int minCellSize) {
        String title = switch (why) {
            case PRIMARY -> "fewer than " + minCellSize + " participants";
            case SECONDARY -> "blanked so that a small group cannot be worked out from the other values";
            case DIFFERENCING -> "blanked: together with an answer you were given before it would single out a small group";
            case NONE -> "";
        };
        return cellOf("suppressed").with("why", why.name()).with("title", title);
    }

    private static String number(Double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e9 ? Long.toString(value.longValue()) : value.toString();
    }

    private static Map<String, Object> fidelityChart(PublishedFidelity f, List<FidelityItem> measured) {
        List<Map<String, Object>> teams = new ArrayList<>();
        for (PublishedFidelity.Team team : f.teams()) {
            List<Integer> anchors = new ArrayList<>();
            measured.forEach(item -> anchors.add(team.items().get(item.number() - 1).anchor()));
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("team", team.team());
            t.put("anchors", anchors);
            teams.add(t);
        }
        return Map.of("items", measured.stream().map(i -> i.number() + " " + i.id()).toList(), "teams", teams);
    }

    private static Map<String, Object> monthChart(PublishedIndicators byMonth) {
        Set<String> months = new LinkedHashSet<>();
        byMonth.cells().stream().map(PublishedIndicators.Cell::group).filter(g -> !g.equals("ALL")).forEach(months::add);
        List<Map<String, Object>> series = new ArrayList<>();
        for (String indicator : List.of("referrals", "employerContactsPerOpenCaseMonth", "teamNavMeetingsPerOpenCaseMonth")) {
            List<Double> values = new ArrayList<>();
            for (String month : months) {
                values.add(byMonth.cells().stream().filter(c -> c.group().equals(month) && c.indicator().equals(indicator))
                        .findFirst().map(PublishedIndicators.Cell::value).orElse(null));
            }
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("label", indicator);
            s.put("values", values);
            series.add(s);
        }
        return Map.of("months", List.copyOf(months), "series", series);
    }

    /** JSON that is safe inside a script element: no {@code <}, {@code >} or {@code &} can end or open markup. */
    private String script(Object value) {
        return json.writeValueAsString(value).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }
}
