package no.ipshub.hub.research;

import java.time.LocalDate;
import java.util.ArrayList;
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
import no.ipshub.operations.dashboard.OpsTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Draws the research page from published answers (already suppressed and audited): the IPS-25 evidence per team,
 * the indicators per team, NAV office and month, the time to the first competitive job with its survival curve, the
 * pair picture, and (for researchers) a pair's timeline, as tables from
 * {@code research/parts.html} and the data of the charts as JSON for {@code research.js}. A suppressed value is
 * drawn as "suppressed" with its reason, never as a number.
 */
final class ResearchPage {

    /** The pair picture's columns: a selection of the measures, over the whole period. */
    static final List<String> PAIR_MEASURES = List.of("referrals", "acceptanceRate", "openCaseload",
            "employerContactsPerOpenCaseMonth", "teamNavMeetingsPerOpenCaseMonth", "entries.NAV_COLLABORATION_MEETING",
            "entries.EMPLOYER_CONTACT", "entries.JOB_STARTED");

    private static final OpsTemplate PAGE = OpsTemplate.load("research/page.html");
    private static final OpsTemplate.Parts PARTS = OpsTemplate.parts("research/parts.html");

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
        String project = "project=" + c.caller().project().code();
        return PAGE.render(OpsTemplate.slots()
                .text("researcher", c.caller().name())
                .text("role", rows ? "researcher" : "table reader")
                .text("project", c.caller().project().code())
                .text("csrfToken", c.csrfToken())
                .text("from", c.from())
                .text("to", c.to())
                .text("period", project + "&from=" + c.from() + "&to=" + c.to())
                .text("minCellSize", c.minCellSize())
                .html("rowExports", rows ? PARTS.get("row-exports").render(OpsTemplate.slots()
                        .text("period", project + "&from=" + c.from() + "&to=" + c.to())) : "")
                .html("timelineForm", rows ? PARTS.get("timeline-form").render(OpsTemplate.slots()
                        .text("from", c.from()).text("to", c.to()).text("project", c.caller().project().code())
                        .html("pairOptions", pairOptions(c.pairs())))
                        : PARTS.get("empty").render(OpsTemplate.slots().text("text", "Case timelines are row-level data: "
                                + "they are for the project's researchers.")))
                .html("survival", survivalTable(c.timeToEvent(), c.minCellSize()))
                .html("reviews", reviewTables(c.reviews()))
                .html("survivalJson", script(survivalChart(c.timeToEvent())))
                .text("evidenced", measured.size())
                .html("message", c.message().isEmpty() ? "" : PARTS.get("flash").render(OpsTemplate.slots().text("text", c.message())))
                .html("fidelity", fidelityTable(c.fidelity(), measured, c.minCellSize()))
                .html("notFromEvents", notFromEvents(c.fidelity()))
                .html("indicatorsTeam", indicatorTable("indicators-team", "team", c.byTeam(), c.minCellSize()))
                .html("indicatorsNavOffice", indicatorTable("indicators-nav-office", "NAV office", c.byNavOffice(), c.minCellSize()))
                .html("indicatorsMonth", indicatorTable("indicators-month", "month", c.byMonth(), c.minCellSize()))
                .html("pairs", pairTable(c.pairs(), c.minCellSize()))
                .html("fidelityJson", script(fidelityChart(c.fidelity(), measured)))
                .html("monthJson", script(monthChart(c.byMonth()))));
    }

    /** The timeline fragment of one pair, for htmx. */
    String timeline(PairTimelines t) {
        if (t.cases().isEmpty()) {
            return PARTS.get("empty").render(OpsTemplate.slots().text("text", "No case of this pair started in the period."));
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
        return PARTS.get("timeline").render(OpsTemplate.slots().text("caption", caption)
                .html("json", script(Map.of("cases", labels, "kinds", kinds))));
    }

    /** The rows of the time-to-event table: per team, the Kaplan-Meier median and the numbers at risk. */
    static final List<String> SURVIVAL_MEASURES = List.of("firstJob.subjects", "firstJob.events", "firstJob.censored",
            "firstJob.medianDays", "firstJob.atRisk.d90", "firstJob.atRisk.d180", "firstJob.atRisk.d365",
            "firstJob.m12.inWork", "jobTenure.subjects", "jobTenure.medianDays");

    private static String survivalTable(PublishedTimeToEvent t, int minCellSize) {
        Map<String, Map<String, PublishedTimeToEvent.Cell>> byGroup = new LinkedHashMap<>();
        t.cells().forEach(c -> byGroup.computeIfAbsent(c.group(), g -> new LinkedHashMap<>()).put(c.measure(), c));
        if (byGroup.size() <= 1) {
            return PARTS.get("empty").render(OpsTemplate.slots().text("text", "No referral in the period."));
        }
        StringBuilder head = new StringBuilder();
        SURVIVAL_MEASURES.forEach(m -> head.append(PARTS.get("head").render(OpsTemplate.slots().text("label", m).text("title", m))));
        StringBuilder rows = new StringBuilder();
        byGroup.forEach((group, cells) -> {
            StringBuilder tds = new StringBuilder();
            SURVIVAL_MEASURES.forEach(m -> tds.append(cell(cells.get(m).value(), cells.get(m).suppression(), minCellSize)));
            rows.append(PARTS.get("row").render(OpsTemplate.slots().text("group", group).html("cells", tds.toString())));
        });
        return PARTS.get("table").render(OpsTemplate.slots().text("id", "survival-table").text("corner", "team")
                .html("head", head.toString()).html("rows", rows.toString()));
    }

    /** Per team with a review in the period: its scores beside the anchors from events, and the difference. */
    private static String reviewTables(ReviewComparison r) {
        if (r.teams().isEmpty()) {
            return PARTS.get("empty").render(OpsTemplate.slots().text("text", "No fidelity review in the period."));
        }
        StringBuilder tables = new StringBuilder();
        for (ReviewComparison.Team team : r.teams()) {
            StringBuilder head = new StringBuilder();
            for (String label : List.of("review", "events", "events - review")) {
                head.append(PARTS.get("head").render(OpsTemplate.slots().text("label", label).text("title", label)));
            }
            StringBuilder rows = new StringBuilder();
            for (ReviewComparison.Item item : team.items()) {
                String cells = PARTS.get("value").render(OpsTemplate.slots().text("value", item.score()))
                        + (item.eventAnchor() == null ? PARTS.get("missing").render(OpsTemplate.slots())
                                : PARTS.get("value").render(OpsTemplate.slots().text("value", item.eventAnchor())))
                        + (item.difference() == null ? PARTS.get("missing").render(OpsTemplate.slots())
                                : PARTS.get("value").render(OpsTemplate.slots().text("value", item.difference())));
                rows.append(PARTS.get("row").render(OpsTemplate.slots().text("group", item.number() + " "
                        + FidelityItem.values()[item.number() - 1].title()).html("cells", cells)));
            }
            rows.append(PARTS.get("row").render(OpsTemplate.slots().text("group", "total").html("cells",
                    PARTS.get("value").render(OpsTemplate.slots().text("value", team.total()))
                            + PARTS.get("missing").render(OpsTemplate.slots()) + PARTS.get("missing").render(OpsTemplate.slots()))));
            tables.append(PARTS.get("review").render(OpsTemplate.slots().text("team", team.team())
                    .text("date", team.reviewDate()).html("table", PARTS.get("table").render(OpsTemplate.slots()
                            .text("id", "review-table-" + team.team()).text("corner", "item")
                            .html("head", head.toString()).html("rows", rows.toString())))));
        }
        return tables.toString();
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

    private static String fidelityTable(PublishedFidelity f, List<FidelityItem> measured, int minCellSize) {
        if (f.teams().size() <= 1) {
            return PARTS.get("empty").render(OpsTemplate.slots().text("text", "No case in the period."));
        }
        StringBuilder head = new StringBuilder();
        for (PublishedFidelity.Team team : f.teams()) {
            head.append(PARTS.get("head").render(OpsTemplate.slots().text("label", team.team()).text("title", team.team())));
        }
        StringBuilder rows = new StringBuilder();
        for (FidelityItem item : measured) {
            StringBuilder cells = new StringBuilder();
            for (PublishedFidelity.Team team : f.teams()) {
                PublishedFidelity.Score s = team.items().get(item.number() - 1);
                cells.append(s.suppression() != Suppression.NONE ? suppressed(s.suppression(), minCellSize)
                        : s.value() == null ? PARTS.get("missing").render(OpsTemplate.slots())
                        : PARTS.get("scored").render(OpsTemplate.slots().text("value", number(s.value()))
                                .text("anchor", s.anchor()).text("cases", s.cases())));
            }
            rows.append(PARTS.get("row").render(OpsTemplate.slots().text("group", item.number() + " " + item.title())
                    .html("cells", cells.toString())));
        }
        return PARTS.get("table").render(OpsTemplate.slots().text("id", "fidelity-table").text("corner", "item")
                .html("head", head.toString()).html("rows", rows.toString()));
    }

    private static String notFromEvents(PublishedFidelity f) {
        StringBuilder items = new StringBuilder();
        for (PublishedFidelity.Item item : f.items()) {
            if (item.evidence() == FidelityItem.Evidence.NOT_FROM_EVENTS) {
                items.append(PARTS.get("not-from-events").render(OpsTemplate.slots().text("number", item.number())
                        .text("title", item.title())));
            }
        }
        return items.toString();
    }

    private static String indicatorTable(String id, String corner, PublishedIndicators p, int minCellSize) {
        Map<String, List<PublishedIndicators.Cell>> byGroup = new LinkedHashMap<>();
        p.cells().forEach(c -> byGroup.computeIfAbsent(c.group(), g -> new ArrayList<>()).add(c));
        StringBuilder head = new StringBuilder();
        for (Indicator indicator : Indicator.values()) {
            head.append(PARTS.get("head").render(OpsTemplate.slots().text("label", indicator.id()).text("title", indicator.id())));
        }
        StringBuilder rows = new StringBuilder();
        byGroup.forEach((group, cells) -> {
            StringBuilder tds = new StringBuilder();
            cells.forEach(c -> tds.append(cell(c.value(), c.suppression(), minCellSize)));
            rows.append(PARTS.get("row").render(OpsTemplate.slots().text("group", group).html("cells", tds.toString())));
        });
        return PARTS.get("table").render(OpsTemplate.slots().text("id", id).text("corner", corner)
                .html("head", head.toString()).html("rows", rows.toString()));
    }

    private static String pairTable(PublishedPairs p, int minCellSize) {
        if (p.pairs().isEmpty()) {
            return PARTS.get("empty").render(OpsTemplate.slots().text("text", "No case in the period."));
        }
        StringBuilder head = new StringBuilder();
        PAIR_MEASURES.forEach(m -> head.append(PARTS.get("head").render(OpsTemplate.slots().text("label", m).text("title", m))));
        StringBuilder rows = new StringBuilder();
        for (PairTable.Pair pair : p.pairs()) {
            StringBuilder tds = new StringBuilder();
            for (String measure : PAIR_MEASURES) {
                PublishedPairs.Cell c = p.cells().stream().filter(x -> x.team().equals(pair.team())
                        && x.navOffice().equals(pair.navOffice()) && x.month().equals("ALL") && x.measure().equals(measure))
                        .findFirst().orElseThrow();
                tds.append(cell(c.value(), c.suppression(), minCellSize));
            }
            rows.append(PARTS.get("row").render(OpsTemplate.slots().text("group", pair.team() + " ↔ " + pair.navOffice())
                    .html("cells", tds.toString())));
        }
        return PARTS.get("table").render(OpsTemplate.slots().text("id", "pairs-table").text("corner", "pair, whole period")
                .html("head", head.toString()).html("rows", rows.toString()));
    }

    private static String pairOptions(PublishedPairs p) {
        StringBuilder options = new StringBuilder();
        for (PairTable.Pair pair : p.pairs()) {
            options.append(PARTS.get("option").render(OpsTemplate.slots().text("value", pair.team() + "|" + pair.navOffice())
                    .text("label", pair.team() + " ↔ " + pair.navOffice())));
        }
        return options.toString();
    }

    private static String cell(Double value, Suppression suppression, int minCellSize) {
        if (suppression != Suppression.NONE) {
            return suppressed(suppression, minCellSize);
        }
        return value == null ? PARTS.get("missing").render(OpsTemplate.slots())
                : PARTS.get("value").render(OpsTemplate.slots().text("value", number(value)));
    }

    private static String suppressed(Suppression why, int minCellSize) {
        String title = switch (why) {
            case PRIMARY -> "fewer than " + minCellSize + " participants";
            case SECONDARY -> "blanked so that a small group cannot be worked out from the other values";
            case DIFFERENCING -> "blanked: together with an answer you were given before it would single out a small group";
            case NONE -> "";
        };
        return PARTS.get("suppressed").render(OpsTemplate.slots().text("why", why.name()).text("title", title));
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
