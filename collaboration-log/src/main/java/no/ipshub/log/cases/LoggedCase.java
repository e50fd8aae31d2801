package no.ipshub.log.cases;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import no.ipshub.schemas.v1.CollaborationEventKind;
import no.ipshub.schemas.v1.CollaborationLogEntry;

/**
 * One case as the research measures see it, built from its log entries alone: who, which team and NAV office,
 * when it started, when it closed, and its events in order. The terms are defined in {@code docs/indicators.md}.
 *
 * <p>A case starts on its referral date; a case that re-entered the log by consent given again has no referral
 * in the log and starts on the date of its {@code CONSENT_GIVEN} entry: it is then open and active, but belongs
 * to no referral cohort.
 */
public final class LoggedCase {

    private static final Comparator<CollaborationLogEntry> IN_CASE_ORDER = Comparator
            .comparing(CollaborationLogEntry::getEventDate)
            .thenComparing(CollaborationLogEntry::getRecordedAt)
            .thenComparing(CollaborationLogEntry::getEntryId);

    private final String caseKey;
    private final String participantKey;
    private final String team;
    private final String navOffice;
    private final LocalDate referralDate;
    private final LocalDate startDate;
    private final String jobSpecialistKey;
    private final CollaborationEventKind decision;
    private final LocalDate closedOn;
    private final LocalDate firstEmployerContact;
    private final boolean startedCompetitiveWork;
    private final List<Job> jobs;
    private final List<CollaborationLogEntry> events;

    private LoggedCase(List<CollaborationLogEntry> events) {
        this.events = List.copyOf(events);
        CollaborationLogEntry first = events.get(0);
        this.caseKey = first.getCaseKey();
        this.participantKey = first.getParticipantKey();
        this.team = first.getTeam();
        this.navOffice = first.getNavOffice();
        this.jobSpecialistKey = events.stream().map(CollaborationLogEntry::getJobSpecialistKey)
                .filter(Objects::nonNull).reduce((a, b) -> b).orElse(null);
        this.referralDate = events.stream()
                .filter(e -> e.getEventKind() == CollaborationEventKind.REFERRAL).map(CollaborationLogEntry::getEventDate)
                .findFirst().orElse(events.stream().map(CollaborationLogEntry::getReferralDate).filter(Objects::nonNull)
                        .findFirst().orElse(null));
        this.startDate = referralDate != null ? referralDate : events.stream()
                .filter(e -> e.getEventKind() == CollaborationEventKind.CONSENT_GIVEN)
                .map(CollaborationLogEntry::getEventDate).findFirst().orElse(null);
        this.decision = events.stream().map(CollaborationLogEntry::getEventKind)
                .filter(k -> k == CollaborationEventKind.REFERRAL_ACCEPTED || k == CollaborationEventKind.REFERRAL_REJECTED)
                .findFirst().orElse(null);
        this.closedOn = events.stream()
                .filter(e -> e.getEventKind() == CollaborationEventKind.EPISODE_CLOSED
                        || e.getEventKind() == CollaborationEventKind.REFERRAL_REJECTED)
                .map(CollaborationLogEntry::getEventDate).findFirst().orElse(null);
        this.firstEmployerContact = events.stream()
                .filter(e -> e.getEventKind() == CollaborationEventKind.EMPLOYER_CONTACT)
                .map(CollaborationLogEntry::getEventDate)
                .filter(d -> startDate == null || !d.isBefore(startDate))
                .findFirst().orElse(null);
        this.startedCompetitiveWork = events.stream().anyMatch(e -> e.getEventKind() == CollaborationEventKind.JOB_STARTED
                && Boolean.TRUE.equals(e.getCompetitive()));
        this.jobs = Job.of(this.events);
    }

    /**
     * The cases of the entries, from their events on or before {@code observedTo}; cases with neither a referral
     * nor a consent given again in the log are left out. Ordered by start date, then participant and case key.
     */
    public static List<LoggedCase> of(Collection<CollaborationLogEntry> entries, LocalDate observedTo) {
        Map<String, List<CollaborationLogEntry>> byCase = new HashMap<>();
        for (CollaborationLogEntry e : entries) {
            if (!e.getEventDate().isAfter(observedTo)) {
                byCase.computeIfAbsent(e.getCaseKey(), k -> new ArrayList<>()).add(e);
            }
        }
        List<LoggedCase> cases = new ArrayList<>();
        byCase.values().forEach(list -> {
            list.sort(IN_CASE_ORDER);
            LoggedCase c = new LoggedCase(list);
            if (c.startDate != null) {
                cases.add(c);
            }
        });
        cases.sort(Comparator.comparing((LoggedCase c) -> c.startDate).thenComparing(c -> c.participantKey)
                .thenComparing(c -> c.caseKey));
        return cases;
    }

    /** The distinct participants of the cases. */
    public static Set<String> participants(Collection<LoggedCase> cases) {
        Set<String> keys = new HashSet<>();
        cases.forEach(c -> keys.add(c.participantKey));
        return keys;
    }

    public String caseKey() {
        return caseKey;
    }

    public String participantKey() {
        return participantKey;
    }

    public String team() {
        return team;
    }

    public String navOffice() {
        return navOffice;
    }

    /** The date of the case's referral; null for a case that came back by consent given again. */
    public LocalDate referralDate() {
        return referralDate;
    }

    /** The referral date, or for a case without one in the log the date consent was given again. */
    public LocalDate startDate() {
        return startDate;
    }

    public String jobSpecialistKey() {
        return jobSpecialistKey;
    }

    /**
     * Who had the case when, up to {@code observedTo}: the job specialist named by its starting entry (the referral,
     * or the consent given again of a case that came back) has it from the start; each {@code JOB_SPECIALIST_CHANGED}
     * dated after the start and before the closure gives it to the specialist it names (one naming nobody leaves the
     * case without one). The last holder keeps it to the closure, or to {@code observedTo} when it is still open then.
     * Only those entries count: the specialist that other entries carry is the case's at the time they were logged.
     */
    public List<SpecialistAssignment> specialistAssignments(LocalDate observedTo) {
        List<SpecialistAssignment> assignments = new ArrayList<>();
        if (startDate.isAfter(observedTo)) {
            return assignments;
        }
        CollaborationEventKind starting = referralDate != null ? CollaborationEventKind.REFERRAL
                : CollaborationEventKind.CONSENT_GIVEN;
        String holder = events.stream().filter(e -> e.getEventKind() == starting).findFirst()
                .map(CollaborationLogEntry::getJobSpecialistKey).orElse(null);
        LocalDate since = startDate;
        LocalDate end = closedOn != null && !closedOn.isAfter(observedTo) ? closedOn : null;
        for (CollaborationLogEntry e : events) {
            LocalDate day = e.getEventDate();
            if (e.getEventKind() != CollaborationEventKind.JOB_SPECIALIST_CHANGED || day.isBefore(startDate)
                    || day.isAfter(observedTo) || (end != null && !day.isBefore(end))
                    || Objects.equals(e.getJobSpecialistKey(), holder)) {
                continue;
            }
            if (holder != null) {
                assignments.add(new SpecialistAssignment(holder, since, day, true));
            }
            holder = e.getJobSpecialistKey();
            since = day;
        }
        if (holder != null) {
            assignments.add(new SpecialistAssignment(holder, since, end != null ? end : observedTo, end != null));
        }
        return assignments;
    }

    /** The first decision on the referral, REFERRAL_ACCEPTED or REFERRAL_REJECTED; null when none. */
    public CollaborationEventKind decision() {
        return decision;
    }

    /** The first employer contact on or after the start; null when none. */
    public LocalDate firstEmployerContact() {
        return firstEmployerContact;
    }

    public boolean startedCompetitiveWork() {
        return startedCompetitiveWork;
    }

    /** The case's jobs in the order they started. */
    public List<Job> jobs() {
        return jobs;
    }

    /** Every entry of the case, by event date, recording time and entry id. */
    public List<CollaborationLogEntry> events() {
        return events;
    }

    /** True when the case's referral lies in {@code [start, end]}; a case without a referral is in no cohort. */
    public boolean inCohort(LocalDate start, LocalDate end) {
        return referralDate != null && !referralDate.isBefore(start) && !referralDate.isAfter(end);
    }

    /** Open from its start until (not including) the day it closed or was rejected. */
    public boolean isOpenOn(LocalDate day) {
        return !day.isBefore(startDate) && (closedOn == null || day.isBefore(closedOn));
    }

    /** The days of {@code [start, end]} on which the case was open. */
    public long openDays(LocalDate start, LocalDate end) {
        LocalDate first = startDate.isAfter(start) ? startDate : start;
        LocalDate stop = closedOn == null || closedOn.isAfter(end.plusDays(1)) ? end.plusDays(1) : closedOn;
        return Math.max(0, ChronoUnit.DAYS.between(first, stop));
    }

    /** How many entries of the kind are dated in {@code [start, end]}. */
    public long count(CollaborationEventKind kind, LocalDate start, LocalDate end) {
        return dated(kind, start, end).size();
    }

    /** The entries of the kind dated in {@code [start, end]}. */
    public List<CollaborationLogEntry> dated(CollaborationEventKind kind, LocalDate start, LocalDate end) {
        return events.stream().filter(e -> e.getEventKind() == kind)
                .filter(e -> !e.getEventDate().isBefore(start) && !e.getEventDate().isAfter(end)).toList();
    }

    /** True when the case has an entry of the kind dated in {@code [start, end]}. */
    public boolean has(CollaborationEventKind kind, LocalDate start, LocalDate end) {
        return !dated(kind, start, end).isEmpty();
    }

    /** The day the case closed or was rejected; null while open. */
    public LocalDate closedOn() {
        return closedOn;
    }

    /** Days from the start of the case to {@code day}. */
    public long daysFromStart(LocalDate day) {
        return ChronoUnit.DAYS.between(startDate, day);
    }

    /** Days from the referral to {@code day}; only for cases with a referral. */
    public long daysTo(LocalDate day) {
        return ChronoUnit.DAYS.between(referralDate, day);
    }
}
