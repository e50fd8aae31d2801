package no.ipshub.log.pairs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import no.ipshub.log.disclosure.DisclosureControl;
import no.ipshub.log.support.LogEntries;
import no.ipshub.log.suppression.SmallCellSuppressor;
import no.ipshub.log.suppression.Suppression;
import no.ipshub.schemas.v1.CollaborationEventKind;
import no.ipshub.schemas.v1.CollaborationLogEntry;
import org.junit.jupiter.api.Test;

/*
 * Period 2025-01-01 .. 2025-02-28. Pair team-a/nav-x: six cases referred on January 6 to 11 and six on February 3
 * to 8, each with an employer contact 10 days later; the first three of January have a NAV meeting on February 3.
 * Pair team-b/nav-x: five cases referred on January 6 to 10 and five on February 3 to 7, nothing else. Pairs
 * team-a/nav-y and team-b/nav-y: one case each, referred on February 10 and accepted on February 22. Every month
 * column then has two primary blanks (the small pairs), so no secondary blank is needed there.
 */
class PairPictureTest {

    private static final LocalDate FROM = LocalDate.of(2025, 1, 1);
    private static final LocalDate TO = LocalDate.of(2025, 2, 28);

    private final List<CollaborationLogEntry> entries = scenario();
    private final PairTable table = new PairPictureCalculator().compute(entries, FROM, TO, TO);
    private final PublishedPairs published = PublishedPairs.of(table, 5,
            new DisclosureControl(new SmallCellSuppressor(5)).alone(PublishedPairs.grids(table)));

    private PublishedPairs.Cell cell(String team, String navOffice, String month, String measure) {
        return published.cells().stream().filter(c -> c.team().equals(team) && c.navOffice().equals(navOffice)
                && c.month().equals(month) && c.measure().equals(measure)).findFirst().orElseThrow();
    }

    @Test
    void pairsAreTheTeamAndNavOfficeCombinationsByName() {
        assertThat(table.pairs()).containsExactly(new PairTable.Pair("team-a", "nav-x"), new PairTable.Pair("team-a", "nav-y"),
                new PairTable.Pair("team-b", "nav-x"), new PairTable.Pair("team-b", "nav-y"));
    }

    @Test
    void referralsOfAPairAreCountedInTheirMonth() {
        assertThat(cell("team-a", "nav-x", "2025-01", "referrals").value()).isEqualTo(6.0);
    }

    @Test
    void entryCountOfAPairAndMonthIsShownWhenEnoughParticipantsHadSuchEntries() {
        assertThat(cell("team-a", "nav-x", "2025-01", "entries.EMPLOYER_CONTACT").value()).isEqualTo(6.0);
    }

    @Test
    void entryCountFromFewerParticipantsThanTheThresholdIsBlank() {
        assertThat(cell("team-a", "nav-x", "2025-02", "entries.NAV_COLLABORATION_MEETING").suppression())
                .isEqualTo(Suppression.PRIMARY);
    }

    @Test
    void smallPairsTotalIsBlank() {
        assertThat(cell("team-a", "nav-y", "ALL", "referrals").suppression()).isEqualTo(Suppression.PRIMARY);
    }

    @Test
    void monthTotalOverAllPairsIsPublishedBesideThePairs() {
        assertThat(cell("ALL", "ALL", "2025-01", "referrals").value()).isEqualTo(11.0);
    }

    @Test
    void timelineCountsDaysFromTheReferral() {
        PairTimelines timelines = PairTimelines.of(entries, "team-a", "nav-x", FROM, TO, 5);

        assertThat(timelines.cases().get(0).events()).extracting(PairTimelines.Event::day, PairTimelines.Event::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0L, "REFERRAL"),
                        org.assertj.core.groups.Tuple.tuple(10L, "EMPLOYER_CONTACT"),
                        org.assertj.core.groups.Tuple.tuple(28L, "NAV_COLLABORATION_MEETING"));
    }

    @Test
    void timelineOfAPairWithEnoughParticipantsShowsCalendarDates() {
        PairTimelines timelines = PairTimelines.of(entries, "team-a", "nav-x", FROM, TO, 5);

        assertThat(timelines.cases().get(0).startDate()).isEqualTo(LocalDate.of(2025, 1, 6));
    }

    @Test
    void timelineOfASmallPairShowsNoCalendarDateAndNoCasePseudonym() {
        PairTimelines timelines = PairTimelines.of(entries, "team-a", "nav-y", FROM, TO, 5);

        assertThat(timelines.cases()).singleElement().satisfies(t -> assertThat(List.of(String.valueOf(t.startDate()),
                t.label(), String.valueOf(t.events().get(1).day()))).containsExactly("null", "case-1", "12"));
    }

    private static List<CollaborationLogEntry> scenario() {
        List<CollaborationLogEntry> e = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            LocalDate referred = i < 6 ? LocalDate.of(2025, 1, 6 + i) : LocalDate.of(2025, 2, i - 3);
            LogEntries c = new LogEntries("x" + i, "px" + i, "team-a", "nav-x", referred.toString(), "js1");
            e.add(c.event(CollaborationEventKind.REFERRAL, referred.toString()));
            e.add(c.event(CollaborationEventKind.EMPLOYER_CONTACT, referred.plusDays(10).toString()));
            if (i < 3) {
                e.add(c.event(CollaborationEventKind.NAV_COLLABORATION_MEETING, "2025-02-03"));
            }
        }
        for (int i = 0; i < 10; i++) {
            LocalDate referred = i < 5 ? LocalDate.of(2025, 1, 6 + i) : LocalDate.of(2025, 2, i - 2);
            LogEntries c = new LogEntries("z" + i, "pz" + i, "team-b", "nav-x", referred.toString(), "js2");
            e.add(c.event(CollaborationEventKind.REFERRAL, referred.toString()));
        }
        for (String team : List.of("team-a", "team-b")) {
            LogEntries y = new LogEntries("y-" + team, "py-" + team, team, "nav-y", "2025-02-10", "js1");
            e.add(y.event(CollaborationEventKind.REFERRAL, "2025-02-10"));
            e.add(y.event(CollaborationEventKind.REFERRAL_ACCEPTED, "2025-02-22"));
        }
        return e;
    }
}
