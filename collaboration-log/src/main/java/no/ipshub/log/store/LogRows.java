package no.ipshub.log.store;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import no.ipshub.log.consent.CaseState;
import no.ipshub.log.consent.CaseStatus;
import no.ipshub.log.mapping.EventDraft;
import no.ipshub.schemas.v1.ClosureReason;
import no.ipshub.schemas.v1.CollaborationEventKind;
import no.ipshub.schemas.v1.CollaborationLogEntry;
import no.ipshub.schemas.v1.JobEndReason;
import no.ipshub.schemas.v1.Sector;

/**
 * The log's rows and their Java values, both ways: entries ({@code log_entry}), parked events
 * ({@code log_pending_event}) and cases ({@code log_case}), with the SQL nulls of optional columns.
 */
final class LogRows {

    static final String ENTRY_COLUMNS = "entry_id, project, participant_key, case_key, event_kind, event_date, "
            + "referral_date, recorded_at, sender_sector, sender_organisation, recipient_sector, recipient_organisation, "
            + "team, nav_office, job_specialist_key, employer_organisation_number, styrk_code, hours_per_week, "
            + "hourly_wage, competitive, permanent, wage_subsidy, rejection_reason, previous_job_specialist_key, "
            + "nav_measure_code, measure_end_date, closure_reason, job_end_reason";
    static final String INSERT_ENTRY = "INSERT INTO log_entry (" + ENTRY_COLUMNS + ", stored_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            + "ON CONFLICT DO NOTHING";
    /** The parameter index of {@code stored_at} in {@link #INSERT_ENTRY}. */
    static final int STORED_AT = 29;
    static final String PENDING_COLUMNS = "entry_id, case_key, event_kind, event_date, recorded_at, "
            + "sender_sector, sender_organisation, recipient_sector, recipient_organisation, employer_organisation_number, "
            + "styrk_code, hours_per_week, hourly_wage, competitive, permanent, wage_subsidy, rejection_reason, "
            + "job_specialist_key, nav_measure_code, measure_end_date, closure_reason, job_end_reason";
    /** The parameter index of {@code parked_at} in a row of {@link #PENDING_COLUMNS} and {@code parked_at}. */
    static final int PARKED_AT = 23;
    static final String CASE_COLUMNS = "case_key, participant_key, status, team, nav_office, referral_date, "
            + "job_specialist_key";

    private LogRows() {
    }

    static void setEntry(PreparedStatement ps, CollaborationLogEntry e) throws SQLException {
        setEntry(ps, e, 1);
    }

    /** Sets the entry's columns of {@link #ENTRY_COLUMNS}, the first at parameter {@code first}. */
    static void setEntry(PreparedStatement ps, CollaborationLogEntry e, int first) throws SQLException {
        int at = first - 1;
        ps.setString(at + 1, e.getEntryId());
        ps.setString(at + 2, e.getProject());
        ps.setString(at + 3, e.getParticipantKey());
        ps.setString(at + 4, e.getCaseKey());
        ps.setString(at + 5, e.getEventKind().name());
        setDate(ps, at + 6, e.getEventDate());
        setDate(ps, at + 7, e.getReferralDate());
        ps.setObject(at + 8, OffsetDateTime.ofInstant(e.getRecordedAt(), ZoneOffset.UTC));
        ps.setString(at + 9, e.getSenderSector().name());
        ps.setString(at + 10, e.getSenderOrganisation());
        ps.setString(at + 11, e.getRecipientSector().name());
        ps.setString(at + 12, e.getRecipientOrganisation());
        ps.setString(at + 13, e.getTeam());
        ps.setString(at + 14, e.getNavOffice());
        ps.setString(at + 15, e.getJobSpecialistKey());
        setDetails(ps, at + 16, e.getEmployerOrganisationNumber(), e.getStyrkCode(), e.getHoursPerWeek(),
                e.getHourlyWage(), e.getCompetitive(), e.getPermanent(), e.getWageSubsidy(), e.getRejectionReason(),
                e.getPreviousJobSpecialistKey(), e.getNavMeasureCode(), e.getMeasureEndDate(), e.getClosureReason(),
                e.getJobEndReason());
    }

    /** Sets the parked event's columns of {@link #PENDING_COLUMNS}, the first at parameter {@code first}. */
    static void setPending(PreparedStatement ps, EventDraft d, int first) throws SQLException {
        int at = first - 1;
        ps.setString(at + 1, d.entryId());
        ps.setString(at + 2, d.caseKey());
        ps.setString(at + 3, d.kind().name());
        setDate(ps, at + 4, d.eventDate());
        ps.setObject(at + 5, OffsetDateTime.ofInstant(d.recordedAt(), ZoneOffset.UTC));
        ps.setString(at + 6, d.senderSector().name());
        ps.setString(at + 7, d.senderOrganisation());
        ps.setString(at + 8, d.recipientSector().name());
        ps.setString(at + 9, d.recipientOrganisation());
        setDetails(ps, at + 10, d.employerOrganisationNumber(), d.styrkCode(), d.hoursPerWeek(), d.hourlyWage(),
                d.competitive(), d.permanent(), d.wageSubsidy(), d.rejectionReason(), d.jobSpecialistKey(),
                d.navMeasureCode(), d.measureEndDate(), d.closureReason(), d.jobEndReason());
    }

    /**
     * The thirteen columns entries and parked events have in the same order, from the employer to the job end reason,
     * the first at parameter {@code first}; {@code specialist} is the entry's previous or the parked event's new job
     * specialist.
     */
    private static void setDetails(PreparedStatement ps, int first, String employer, String styrk, Double hours,
            BigDecimal wage, Boolean competitive, Boolean permanent, Boolean wageSubsidy, String reason,
            String specialist, String measureCode, LocalDate measureEnd, ClosureReason closure, JobEndReason jobEnd)
            throws SQLException {
        ps.setString(first, employer);
        ps.setString(first + 1, styrk);
        setDouble(ps, first + 2, hours);
        ps.setBigDecimal(first + 3, wage);
        setBoolean(ps, first + 4, competitive);
        setBoolean(ps, first + 5, permanent);
        setBoolean(ps, first + 6, wageSubsidy);
        ps.setString(first + 7, reason);
        ps.setString(first + 8, specialist);
        ps.setString(first + 9, measureCode);
        setDate(ps, first + 10, measureEnd);
        ps.setString(first + 11, closure == null ? null : closure.name());
        ps.setString(first + 12, jobEnd == null ? null : jobEnd.name());
    }

    /** Sets the case's columns of {@link #CASE_COLUMNS} and {@code updated_at}, the first at parameter {@code at}. */
    static void setCase(PreparedStatement ps, CaseState c, OffsetDateTime now, int at) throws SQLException {
        ps.setString(at, c.caseKey());
        ps.setString(at + 1, c.participantKey());
        ps.setString(at + 2, c.status().name());
        ps.setString(at + 3, c.team());
        ps.setString(at + 4, c.navOffice());
        setDate(ps, at + 5, c.referralDate());
        ps.setString(at + 6, c.jobSpecialistKey());
        ps.setObject(at + 7, now);
    }

    /** The entry of a row with the columns of {@link #ENTRY_COLUMNS}. */
    static CollaborationLogEntry entry(ResultSet rs) throws SQLException {
        return CollaborationLogEntry.newBuilder()
                .setEntryId(rs.getString("entry_id"))
                .setProject(rs.getString("project"))
                .setParticipantKey(rs.getString("participant_key"))
                .setCaseKey(rs.getString("case_key"))
                .setEventKind(CollaborationEventKind.valueOf(rs.getString("event_kind")))
                .setEventDate(rs.getObject("event_date", LocalDate.class))
                .setReferralDate(rs.getObject("referral_date", LocalDate.class))
                .setRecordedAt(rs.getObject("recorded_at", OffsetDateTime.class).toInstant())
                .setSenderSector(Sector.valueOf(rs.getString("sender_sector")))
                .setSenderOrganisation(rs.getString("sender_organisation"))
                .setRecipientSector(Sector.valueOf(rs.getString("recipient_sector")))
                .setRecipientOrganisation(rs.getString("recipient_organisation"))
                .setTeam(rs.getString("team"))
                .setNavOffice(rs.getString("nav_office"))
                .setJobSpecialistKey(rs.getString("job_specialist_key"))
                .setEmployerOrganisationNumber(rs.getString("employer_organisation_number"))
                .setStyrkCode(rs.getString("styrk_code"))
                .setHoursPerWeek(nullableDouble(rs, "hours_per_week"))
                .setHourlyWage(scaled(rs.getBigDecimal("hourly_wage")))
                .setCompetitive(nullableBoolean(rs, "competitive"))
                .setPermanent(nullableBoolean(rs, "permanent"))
                .setWageSubsidy(nullableBoolean(rs, "wage_subsidy"))
                .setRejectionReason(rs.getString("rejection_reason"))
                .setPreviousJobSpecialistKey(rs.getString("previous_job_specialist_key"))
                .setNavMeasureCode(rs.getString("nav_measure_code"))
                .setMeasureEndDate(rs.getObject("measure_end_date", LocalDate.class))
                .setClosureReason(closureReason(rs.getString("closure_reason")))
                .setJobEndReason(jobEndReason(rs.getString("job_end_reason")))
                .build();
    }

    /** The parked event of a row with the columns of {@link #PENDING_COLUMNS}. */
    static EventDraft pending(ResultSet rs) throws SQLException {
        return new EventDraft(
                rs.getString("entry_id"),
                rs.getString("case_key"),
                CollaborationEventKind.valueOf(rs.getString("event_kind")),
                rs.getObject("event_date", LocalDate.class),
                rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                Sector.valueOf(rs.getString("sender_sector")),
                rs.getString("sender_organisation"),
                Sector.valueOf(rs.getString("recipient_sector")),
                rs.getString("recipient_organisation"),
                rs.getString("employer_organisation_number"),
                rs.getString("styrk_code"),
                nullableDouble(rs, "hours_per_week"),
                rs.getBigDecimal("hourly_wage"),
                nullableBoolean(rs, "competitive"),
                nullableBoolean(rs, "permanent"),
                nullableBoolean(rs, "wage_subsidy"),
                rs.getString("rejection_reason"),
                rs.getString("job_specialist_key"),
                rs.getString("nav_measure_code"),
                rs.getObject("measure_end_date", LocalDate.class),
                closureReason(rs.getString("closure_reason")),
                jobEndReason(rs.getString("job_end_reason")));
    }

    /** The case of a row with the columns of {@link #CASE_COLUMNS}. */
    static CaseState caseState(ResultSet rs) throws SQLException {
        return new CaseState(
                rs.getString("case_key"),
                rs.getString("participant_key"),
                CaseStatus.valueOf(rs.getString("status")),
                rs.getString("team"),
                rs.getString("nav_office"),
                rs.getObject("referral_date", LocalDate.class),
                rs.getString("job_specialist_key"));
    }

    static void setDate(PreparedStatement ps, int at, LocalDate date) throws SQLException {
        if (date == null) {
            ps.setNull(at, Types.DATE);
        } else {
            ps.setObject(at, date);
        }
    }

    private static void setDouble(PreparedStatement ps, int at, Double value) throws SQLException {
        if (value == null) {
            ps.setNull(at, Types.DOUBLE);
        } else {
            ps.setDouble(at, value);
        }
    }

    private static void setBoolean(PreparedStatement ps, int at, Boolean value) throws SQLException {
        if (value == null) {
            ps.setNull(at, Types.BOOLEAN);
        } else {
            ps.setBoolean(at, value);
        }
    }

    private static Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    private static Boolean nullableBoolean(ResultSet rs, String column) throws SQLException {
        boolean v = rs.getBoolean(column);
        return rs.wasNull() ? null : v;
    }

    private static ClosureReason closureReason(String name) {
        return name == null ? null : ClosureReason.valueOf(name);
    }

    private static JobEndReason jobEndReason(String name) {
        return name == null ? null : JobEndReason.valueOf(name);
    }

    private static BigDecimal scaled(BigDecimal wage) {
        return wage == null ? null : wage.setScale(2, RoundingMode.UNNECESSARY);
    }
}
