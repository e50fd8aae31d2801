package no.ipshub.log.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import no.ipshub.log.support.LogEntries;
import no.ipshub.schemas.v1.CollaborationEventKind;
import no.ipshub.schemas.v1.CollaborationLogEntry;
import org.junit.jupiter.api.Test;

/*
 * The one capping rule of docs/fidelity.md, over generated logs: small teams with every kind of event on random days,
 * over periods of two weeks to half a year, so that every item's value ranges from its lowest to its highest
 * thresholds (a small team with outreach before every closing, or support in every job, is common among them).
 */
class FidelityCapTest {

    private static final LocalDate FROM = LocalDate.of(2025, 1, 1);
    private static final CollaborationEventKind[] ACTIVITY = {CollaborationEventKind.TREATMENT_TEAM_MEETING,
        CollaborationEventKind.NAV_COLLABORATION_MEETING, CollaborationEventKind.EMPLOYER_CONTACT,
        CollaborationEventKind.BENEFITS_COUNSELLING, CollaborationEventKind.FOLLOW_ALONG_SUPPORT,
        CollaborationEventKind.OUTREACH_ATTEMPT};

    @Test
    void noItemOfAnyTeamReachesAnAnchorAboveItsCap() {
        List<String> overCap = new ArrayList<>();
        for (int seed = 0; seed < 300; seed++) {
            FidelityTable table = table(new Random(seed));
            Stream.concat(table.teams().stream(), Stream.of(table.total())).forEach(row -> row.items().forEach((item, m) -> {
                if (m.anchor() != null && (m.anchor() < 1 || m.anchor() > item.highestAnchorFromEvents())) {
                    overCap.add(item.id() + " " + m.value() + " -> " + m.anchor());
                }
            }));
        }

        assertThat(overCap).isEmpty();
    }

    @Test
    void generatedLogsReachEveryItemsCap() {
        List<FidelityItem> reached = new ArrayList<>();
        for (int seed = 0; seed < 300; seed++) {
            FidelityTable table = table(new Random(seed));
            table.total().items().forEach((item, m) -> {
                if (m.anchor() != null && m.anchor() == item.highestAnchorFromEvents() && !reached.contains(item)) {
                    reached.add(item);
                }
            });
        }

        // so the test above sees every item at its cap, where going over would show
        assertThat(reached).containsExactlyInAnyOrderElementsOf(PublishedFidelity.measured());
    }

    @Test
    void aProxyItemIsCappedAtTheOneAnchorItsSingleElementShows() {
        assertThat(Stream.of(FidelityItem.values()).filter(i -> i.basis() == FidelityItem.Basis.PROXY)
                .map(FidelityItem::highestAnchorFromEvents).distinct().toList()).containsExactly(1);
    }

    @Test
    void anAnchorAskingForWhatNoEventRecordsCapsTheItemBelowIt() {
        assertThat(List.of(FidelityItem.FREQUENT_EMPLOYER_CONTACT.highestAnchorFromEvents(),
                FidelityItem.INDIVIDUALISED_FOLLOW_ALONG.highestAnchorFromEvents(),
                FidelityItem.RAPID_JOB_SEARCH.highestAnchorFromEvents())).containsExactly(2, 3, 5);
    }

    private static FidelityTable table(Random random) {
        LocalDate to = FROM.plusDays(14 + random.nextInt(167));
        return new FidelityCalculator().compute(log(random, to), FROM, to, to);
    }

    /** One or two small teams, cases referred in the period, each with random activity and perhaps a job. */
    private static List<CollaborationLogEntry> log(Random random, LocalDate to) {
        List<CollaborationLogEntry> entries = new ArrayList<>();
        int cases = 1 + random.nextInt(6);
        int days = (int) java.time.temporal.ChronoUnit.DAYS.between(FROM, to) + 1;
        for (int n = 0; n < cases; n++) {
            LocalDate referral = FROM.plusDays(random.nextInt(days));
            String team = random.nextInt(3) == 0 ? "team-b" : "team-a";
            String specialist = random.nextInt(5) == 0 ? null : "js" + random.nextInt(2);
            LogEntries c = new LogEntries("c" + n, "p" + n, team, "nav-x", referral.toString(), specialist);
            entries.add(c.event(CollaborationEventKind.REFERRAL, referral.toString()));
            int events = random.nextInt(60);
            for (int e = 0; e < events; e++) {
                CollaborationEventKind kind = ACTIVITY[random.nextInt(ACTIVITY.length)];
                entries.add(c.event(kind, referral.plusDays(random.nextInt(60)).toString()));
            }
            if (random.nextBoolean()) {
                LocalDate start = referral.plusDays(random.nextInt(30));
                String employer = random.nextBoolean() ? "974557746" : "88964078" + n;
                entries.add(c.job(CollaborationEventKind.JOB_STARTED, start.toString(), employer, "52" + random.nextInt(3) + n,
                        random.nextInt(10) > 0, random.nextInt(10) > 0, 20));
                for (int s = 0; s < 6; s++) {
                    if (random.nextBoolean()) {
                        entries.add(c.event(CollaborationEventKind.FOLLOW_ALONG_SUPPORT,
                                start.plusDays(20L * s + random.nextInt(20)).toString()));
                    }
                }
            } else if (random.nextBoolean()) {
                LocalDate closed = referral.plusDays(30 + random.nextInt(30));
                if (random.nextBoolean()) {
                    entries.add(c.event(CollaborationEventKind.OUTREACH_ATTEMPT, closed.minusDays(3).toString()));
                }
                entries.add(c.event(CollaborationEventKind.EPISODE_CLOSED, closed.toString()));
            }
        }
        return entries;
    }
}
