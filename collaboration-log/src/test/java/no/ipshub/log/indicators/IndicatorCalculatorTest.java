package no.ipshub.log.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import no.ipshub.schemas.v1.CollaborationEventKind;
import no.ipshub.schemas.v1.CollaborationLogEntry;
import no.ipshub.schemas.v1.Sector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/*
 * A hand-computed scenario for every indicator (docs/indicators.md), period 2025-01-01 .. 2025-03-31:
 *
 * team-a: c1 (p1) referred 01-10, accepted 01-12, employer contacts 01-20 and 02-15, NAV meeting 01-25,
 *             competitive job 02-10 (20 h) ended 03-10, specialist js1
 *         c2 (p2) referred 02-01, accepted 02-03, NAV meetings 02-20 and 03-05, employer contact 03-20, js1
 *         c3 (p3) referred 03-15, rejected 03-18 (closed; its 30-day window is not complete by 03-31)
 * team-b: c4 (p4) referred 2024-12-01 (before the period), employer contact 01-05, non-competitive job 01-15 (30 h), js2
 *         c5 (p5) referred 01-20, accepted 01-22, employer contact 02-25, competitive job 03-01 (10 h, ongoing), js2
 *
 * Open days in the period: c1 81, c2 59, c3 3 (team-a 143), c4 90, c5 71 (team-b 161); a case-month is 30.4375 days.
 */
class IndicatorCalculatorTest {

    private static final LocalDate FROM = LocalDate.of(2025, 1, 1);
    private static final LocalDate TO = LocalDate.of(2025, 3, 31);

    private final List<CollaborationLogEntry> entries = scenario();

    @ParameterizedTest(name = "{1} of {0} is {2}")
    @CsvSource({
        "team-a, referrals, 3",
        "team-b, referrals, 1",
        "ALL, referrals, 4",
        "team-a, acceptanceRate, 0.666667",
        "ALL, acceptanceRate, 0.75",
        "team-a, medianDaysToFirstEmployerContact, 28.5",
        "team-b, medianDaysToFirstEmployerContact, 36",
        "ALL, medianDaysToFirstEmployerContact, 36",
        "team-a, shareFirstEmployerContactWithin30Days, 0.5",
        "team-b, shareFirstEmployerContactWithin30Days, 0",
        "ALL, shareFirstEmployerContactWithin30Days, 0.333333",
        "team-a, employerContactsPerOpenCaseMonth, 0.638549",
        "team-b, employerContactsPerOpenCaseMonth, 0.378106",
        "ALL, employerContactsPerOpenCaseMonth, 0.500617",
        "team-a, teamNavMeetingsPerOpenCaseMonth, 0.638549",
        "team-b, teamNavMeetingsPerOpenCaseMonth, 0",
        "ALL, teamNavMeetingsPerOpenCaseMonth, 0.300370",
        "team-a, openCaseload, 2",
        "team-b, openCaseload, 2",
        "ALL, openCaseload, 4",
        "team-a, openCasesPerJobSpecialist, 2",
        "ALL, openCasesPerJobSpecialist, 2",
        "team-a, shareStartedCompetitiveWork, 0.333333",
        "team-b, shareStartedCompetitiveWork, 1",
        "ALL, shareStartedCompetitiveWork, 0.5",
        "team-a, medianDaysToFirstJobAmongEmployed, 31",
        "team-b, medianDaysToFirstJobAmongEmployed, 40",
        "ALL, medianDaysToFirstJobAmongEmployed, 35.5",
        "team-a, meanHoursPerWeek, 20",
        "ALL, meanHoursPerWeek, 15",
    })
    void indicatorMatchesTheHandComputedValue(String group, String indicator, double expected) {
        IndicatorTable table = new IndicatorCalculator().compute(entries, FROM, TO, GroupBy.TEAM);

        assertThat(value(table, group, indicator)).isCloseTo(expected, within(1e-5));
    }

    @Test
    void monthRowCountsTheMonthsReferralsActivityAndEndOfMonthCaseload() {
        IndicatorTable table = new IndicatorCalculator().compute(entries, FROM, TO, GroupBy.MONTH);

        assertThat(List.of(value(table, "2025-01", "referrals"), value(table, "2025-01", "employerContactsPerOpenCaseMonth"),
                value(table, "2025-01", "openCaseload")))
                .containsExactly(2.0, 2 / (65 / IndicatorCalculator.DAYS_PER_MONTH), 3.0);
    }

    @Test
    void valueWithoutCasesIsMissingRatherThanZero() {
        assertThat(new IndicatorCalculator().compute(List.of(), FROM, TO, GroupBy.TEAM).total().values()
                .get(Indicator.MEDIAN_DAYS_TO_FIRST_JOB_AMONG_EMPLOYED).value()).isNull();
    }

    @Test
    void participantsBehindAValueAreCounted() {
        IndicatorTable table = new IndicatorCalculator().compute(entries, FROM, TO, GroupBy.TEAM);

        assertThat(row(table, "team-a").values().get(Indicator.MEDIAN_DAYS_TO_FIRST_EMPLOYER_CONTACT).participants())
                .isEqualTo(2);
    }

    /* A case that came back by consent given again on February 1 has no referral: open from then, in no cohort. */
    @Test
    void caseThatCameBackByConsentGivenAgainIsOpenButInNoCohort() {
        no.ipshub.log.support.LogEntries back = new no.ipshub.log.support.LogEntries("c7", "p7", "team-b", "nav-x", null, "js2");
        List<CollaborationLogEntry> returned = List.of(back.event(CollaborationEventKind.CONSENT_GIVEN, "2025-02-01"),
                back.event(CollaborationEventKind.EMPLOYER_CONTACT, "2025-02-10"));

        IndicatorTable table = new IndicatorCalculator().compute(returned, FROM, TO, GroupBy.TEAM);

        assertThat(List.of(value(table, "ALL", "referrals"), value(table, "ALL", "openCaseload"),
                value(table, "ALL", "employerContactsPerOpenCaseMonth")))
                .containsExactly(0.0, 1.0, 1 / (59 / IndicatorCalculator.DAYS_PER_MONTH));
    }

    @Test
    void navOfficeGroupingPutsBothTeamsUnderTheirOffice() {
        IndicatorTable table = new IndicatorCalculator().compute(entries, FROM, TO, GroupBy.NAV_OFFICE);

        assertThat(table.groups()).extracting(IndicatorRow::group).containsExactly("nav-x");
    }

    private static IndicatorRow row(IndicatorTable table, String group) {
        if (IndicatorRow.ALL.equals(group)) {
            return table.total();
        }
        return table.groups().stream().filter(r -> r.group().equals(group)).findFirst().orElseThrow();
    }

    private static Double value(IndicatorTable table, String group, String indicator) {
        Indicator which = Arrays.stream(Indicator.values()).filter(i -> i.id().equals(indicator)).findFirst()
                .orElseThrow();
        return row(table, group).values().get(which).value();
    }

    private static List<CollaborationLogEntry> scenario() {
        List<CollaborationLogEntry> e = new ArrayList<>();
        Case c1 = new Case("c1", "p1", "team-a", "2025-01-10", "js1");
        e.add(c1.event(CollaborationEventKind.REFERRAL, "2025-01-10"));
        e.add(c1.event(CollaborationEventKind.REFERRAL_ACCEPTED, "2025-01-12"));
        e.add(c1.event(CollaborationEventKind.EMPLOYER_CONTACT, "2025-01-20"));
        e.add(c1.event(CollaborationEventKind.NAV_COLLABORATION_MEETING, "2025-01-25"));
        e.add(c1.job(CollaborationEventKind.JOB_STARTED, "2025-02-10", true, 20.0));
        e.add(c1.event(CollaborationEventKind.EMPLOYER_CONTACT, "2025-02-15"));
        e.add(c1.job(CollaborationEventKind.JOB_ENDED, "2025-03-10", true, 20.0));
        Case c2 = new Case("c2", "p2", "team-a", "2025-02-01", "js1");
        e.add(c2.event(CollaborationEventKind.REFERRAL, "2025-02-01"));
        e.add(c2.event(CollaborationEventKind.REFERRAL_ACCEPTED, "2025-02-03"));
        e.add(c2.event(CollaborationEventKind.NAV_COLLABORATION_MEETING, "2025-02-20"));
        e.add(c2.event(CollaborationEventKind.NAV_COLLABORATION_MEETING, "2025-03-05"));
        e.add(c2.event(CollaborationEventKind.EMPLOYER_CONTACT, "2025-03-20"));
        Case c3 = new Case("c3", "p3", "team-a", "2025-03-15", null);
        e.add(c3.event(CollaborationEventKind.REFERRAL, "2025-03-15"));
        e.add(c3.event(CollaborationEventKind.REFERRAL_REJECTED, "2025-03-18"));
        Case c4 = new Case("c4", "p4", "team-b", "2024-12-01", "js2");
        e.add(c4.event(CollaborationEventKind.REFERRAL, "2024-12-01"));
        e.add(c4.event(CollaborationEventKind.REFERRAL_ACCEPTED, "2024-12-03"));
        e.add(c4.event(CollaborationEventKind.EMPLOYER_CONTACT, "2025-01-05"));
        e.add(c4.job(CollaborationEventKind.JOB_STARTED, "2025-01-15", false, 30.0));
        Case c5 = new Case("c5", "p5", "team-b", "2025-01-20", "js2");
        e.add(c5.event(CollaborationEventKind.REFERRAL, "2025-01-20"));
        e.add(c5.event(CollaborationEventKind.REFERRAL_ACCEPTED, "2025-01-22"));
        e.add(c5.event(CollaborationEventKind.EMPLOYER_CONTACT, "2025-02-25"));
        e.add(c5.job(CollaborationEventKind.JOB_STARTED, "2025-03-01", true, 10.0));
        // after the period: must not count
        e.add(c5.event(CollaborationEventKind.EMPLOYER_CONTACT, "2025-04-02"));
        return e;
    }

    private record Case(String caseKey, String participantKey, String team, String referralDate, String specialist) {

        CollaborationLogEntry event(CollaborationEventKind kind, String date) {
            return builder(kind, date).build();
        }

        CollaborationLogEntry job(CollaborationEventKind kind, String date, boolean competitive, double hours) {
            return builder(kind, date).setEmployerOrganisationNumber("974557746").setStyrkCode("5223")
                    .setHoursPerWeek(hours).setCompetitive(competitive).setPermanent(false).setWageSubsidy(false).build();
        }

        private CollaborationLogEntry.Builder builder(CollaborationEventKind kind, String date) {
            return CollaborationLogEntry.newBuilder()
                    .setEntryId(UUID.randomUUID().toString())
                    .setProject("test")
                    .setParticipantKey(participantKey)
                    .setCaseKey(caseKey)
                    .setEventKind(kind)
                    .setEventDate(LocalDate.parse(date))
                    .setReferralDate(LocalDate.parse(referralDate))
                    .setRecordedAt(Instant.parse(date + "T10:00:00Z"))
                    .setSenderSector(Sector.HEALTH)
                    .setSenderOrganisation("974557746")
                    .setRecipientSector(Sector.NAV)
                    .setRecipientOrganisation("1201")
                    .setTeam(team)
                    .setNavOffice("nav-x")
                    .setJobSpecialistKey(specialist);
        }
    }
}
