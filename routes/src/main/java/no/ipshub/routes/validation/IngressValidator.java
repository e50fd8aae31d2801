package no.ipshub.routes.validation;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import no.ipshub.partners.Partner;
import no.ipshub.partners.PartnerDirectory;
import no.ipshub.partners.PartnerStatus;
import no.ipshub.routes.time.HubZone;
import no.ipshub.schemas.bounds.Characters;
import no.ipshub.schemas.bounds.ContractBounds;
import no.ipshub.schemas.bounds.FieldBound;
import no.ipshub.schemas.v1.FollowUp;
import no.ipshub.schemas.v1.FollowUpKind;
import no.ipshub.schemas.v1.HubMessage;
import no.ipshub.schemas.v1.Outcome;
import no.ipshub.schemas.v1.OutcomeKind;
import no.ipshub.schemas.v1.Referral;
import no.ipshub.schemas.v1.Sector;
import no.ipshub.schemas.validation.NationalIdentityNumber;
import no.ipshub.schemas.validation.OrganisationNumber;
import no.ipshub.schemas.validation.Styrk08Code;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.IndexedRecord;

/**
 * The semantic rules every message must pass before the hub accepts it, whether it came over Kafka or HTTP:
 * every string within its bound ({@link ContractBounds}), identifier checksums, required fields per payload kind,
 * no future dates, the sender is the partner it came from, the recipient is a known partner of the other sector,
 * and follow-ups and outcomes stay between the two parties of their case. Returns every violation, not just the
 * first.
 *
 * <p>A message with a string out of its bound is answered without its case's state: {@link CaseParties} is not
 * asked, so the answer (422, a dead letter) is the same whatever the case holds, and no out-of-bound value is
 * looked up anywhere.
 */
public final class IngressValidator {

    /** Dates are calendar days in Norway. */
    static final double MAX_HOURS_PER_WEEK = 75.0;
    /** Digits before the decimal point of an hourly wage, as the contract's decimal(9, 2) allows. */
    static final int MAX_WAGE_INTEGER_DIGITS = 7;

    private static final String PAYLOAD_PREFIX = "payload.";
    /** A research project's code, as the collaboration log names projects. */
    private static final Pattern PROJECT_CODE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    static final int MAX_RESEARCH_PROJECTS = 32;
    private static final Set<FollowUpKind> CONSENT_KINDS = Set.of(FollowUpKind.CONSENT_WITHDRAWN, FollowUpKind.CONSENT_GIVEN);
    private static final Pattern ELEVEN_DIGITS = Pattern.compile("\\d{11}");
    private static final Set<OutcomeKind> JOB_OUTCOMES = Set.of(OutcomeKind.JOB_STARTED, OutcomeKind.JOB_ENDED);

    private final PartnerDirectory partners;
    private final Clock clock;
    private final Duration clockSkew;

    public IngressValidator(PartnerDirectory partners, Clock clock, Duration clockSkew) {
        this.partners = partners;
        this.clock = clock;
        this.clockSkew = clockSkew;
    }

    /**
     * Every violation of {@code message} sent by {@code fromPartner} (the partner whose topic or API key it
     * came through), with case membership answered by {@code caseParties}. Empty when the message is valid.
     */
    public List<Violation> validate(HubMessage message, String fromPartner, CaseParties caseParties) {
        Checks c = new Checks(clock.instant().plus(clockSkew));
        checkBounds(message, c);
        checkEnvelope(message, fromPartner, c);
        Object payload = message.getPayload();
        if (payload instanceof Referral referral) {
            checkReferral(message, referral, c);
        } else if (payload instanceof FollowUp followUp) {
            checkFollowUp(followUp, c);
            checkCaseParties(message, caseParties, c);
        } else if (payload instanceof Outcome outcome) {
            checkOutcome(outcome, c);
            checkCaseParties(message, caseParties, c);
        } else {
            c.add("payload", ViolationCode.REQUIRED, "must be a referral, a follow-up or an outcome");
        }
        return List.copyOf(c.violations);
    }

    /**
     * Every string of the message against its bound, before any other rule: a value over its length is reported
     * once and looked at no further; free text must be well-formed Unicode without control characters.
     */
    private static void checkBounds(HubMessage m, Checks c) {
        String payloadRecord = m.getPayload() instanceof IndexedRecord p ? p.getSchema().getName() : null;
        for (FieldBound bound : ContractBounds.all()) {
            if (bound.characters() == Characters.SYMBOL) {
                continue; // enums and the payload's type are held by their types
            }
            boolean inPayload = bound.field().startsWith(PAYLOAD_PREFIX);
            String record = inPayload ? payloadRecord : HubMessage.getClassSchema().getName();
            if (record == null || !bound.records().contains(record)) {
                continue;
            }
            Object value = inPayload
                    ? ((GenericRecord) m.getPayload()).get(bound.field().substring(PAYLOAD_PREFIX.length()))
                    : m.get(bound.field());
            if (value instanceof CharSequence text) {
                c.bounded(bound, text.toString());
            }
        }
    }

    private void checkEnvelope(HubMessage m, String fromPartner, Checks c) {
        if (c.required("messageId", m.getMessageId()) && c.clean("messageId")
                && !ContractBounds.MESSAGE_ID.characters().allows(m.getMessageId())) {
            c.add("messageId", ViolationCode.INVALID_FORMAT, "must be a UUID");
        }
        String caseId = m.getCaseId();
        if (c.required("caseId", caseId) && c.clean("caseId")) {
            if (!ContractBounds.CASE_ID.characters().allows(caseId)) {
                c.add("caseId", ViolationCode.INVALID_FORMAT, "may hold letters, digits and . _ : - only");
            } else if (ELEVEN_DIGITS.matcher(caseId).matches() && NationalIdentityNumber.isValid(caseId)) {
                c.add("caseId", ViolationCode.INVALID_FORMAT, "must not be a national identity number");
            }
        }
        Optional<Partner> sender = Optional.empty();
        if (c.required("sender", m.getSender()) && c.clean("sender")) {
            if (!m.getSender().equals(fromPartner)) {
                c.add("sender", ViolationCode.SPOOFED_SENDER, "is not the partner the message came from");
            } else {
                sender = partners.find(m.getSender());
            }
        }
        if (c.required("recipient", m.getRecipient()) && c.clean("recipient")) {
            Optional<Partner> recipient = partners.find(m.getRecipient());
            if (recipient.isEmpty()) {
                unknownOrSuspended("recipient", m.getRecipient(), c);
            } else if (sender.isPresent() && sender.get().sector() == recipient.get().sector()) {
                c.add("recipient", ViolationCode.WRONG_SECTOR, "must be a partner of the other sector than the sender");
            }
        }
        c.notFuture("occurredAt", m.getOccurredAt());
        c.notFuture("recordedAt", m.getRecordedAt());
        if (m.getSchemaVersion() < 1) {
            c.add("schemaVersion", ViolationCode.OUT_OF_RANGE, "must be 1 or higher");
        }
    }

    private void checkReferral(HubMessage m, Referral r, Checks c) {
        String nationalId = r.getParticipantNationalId();
        if (c.required("payload.participantNationalId", nationalId) && c.clean("payload.participantNationalId")) {
            // the validator's text names the rule, never the digits
            NationalIdentityNumber.problem(nationalId).ifPresent(problem -> c.add("payload.participantNationalId",
                    ViolationCode.INVALID_CHECKSUM, "is not a valid fødselsnummer or D-nummer: " + problem));
        }
        boolean teamOk = checkPartnerRole("payload.referringTeam", r.getReferringTeam(), Sector.HEALTH, c);
        boolean navOk = checkPartnerRole("payload.navOffice", r.getNavOffice(), Sector.NAV, c);
        if (teamOk && navOk && !c.outOfBounds
                && !samePair(r.getReferringTeam(), r.getNavOffice(), m.getSender(), m.getRecipient())) {
            c.add("payload", ViolationCode.CASE_PARTIES_MISMATCH,
                    "referringTeam and navOffice must be the message's sender and recipient");
        }
        c.notFutureDate("payload.referralDate", r.getReferralDate());
        checkProjects(r.getResearchProjects(), c);
    }

    private static void checkProjects(List<String> projects, Checks c) {
        if (projects == null) {
            return;
        }
        if (projects.size() > MAX_RESEARCH_PROJECTS) {
            c.add("payload.researchProjects", ViolationCode.OUT_OF_RANGE, "must name at most " + MAX_RESEARCH_PROJECTS
                    + " projects");
        } else if (projects.stream().anyMatch(p -> p == null || !PROJECT_CODE.matcher(p).matches())) {
            c.add("payload.researchProjects", ViolationCode.INVALID_FORMAT,
                    "must hold project codes: lower-case letters, digits, '.', '_' or '-', at most 64 characters");
        }
    }

    private void checkFollowUp(FollowUp f, Checks c) {
        FollowUpKind kind = f.getKind();
        if (kind == null || kind == FollowUpKind.UNKNOWN) {
            c.add("payload.kind", ViolationCode.UNSUPPORTED_KIND, "is not a follow-up kind this hub handles");
        }
        c.notFutureDate("payload.date", f.getDate());
        if (kind == FollowUpKind.REFERRAL_REJECTED) {
            if (c.required("payload.reason", f.getReason()) && c.clean("payload.reason")
                    && !ContractBounds.REASON.characters().allows(f.getReason())) {
                c.add("payload.reason", ViolationCode.INVALID_FORMAT,
                        "must be a short upper-case code such as NOT_MOTIVATED, not free text");
            }
        } else {
            c.absent("payload.reason", f.getReason(), "is only for REFERRAL_REJECTED");
        }
        if (kind == FollowUpKind.EMPLOYER_CONTACT) {
            c.required("payload.employerOrganisationNumber", f.getEmployerOrganisationNumber());
        }
        c.organisationNumber("payload.employerOrganisationNumber", f.getEmployerOrganisationNumber());
        if (kind == FollowUpKind.NAV_MEASURE_CHANGED) {
            if (c.required("payload.navMeasureCode", f.getNavMeasureCode()) && c.clean("payload.navMeasureCode")
                    && !ContractBounds.NAV_MEASURE_CODE.characters().allows(f.getNavMeasureCode())) {
                c.add("payload.navMeasureCode", ViolationCode.INVALID_FORMAT, "must be NAV's measure code");
            }
            if (f.getMeasureEndDate() != null && f.getDate() != null && f.getMeasureEndDate().isBefore(f.getDate())) {
                c.add("payload.measureEndDate", ViolationCode.OUT_OF_RANGE, "must not be before date");
            }
        } else {
            c.absent("payload.navMeasureCode", f.getNavMeasureCode(), "is only for NAV_MEASURE_CHANGED");
            c.absent("payload.measureEndDate", f.getMeasureEndDate(), "is only for NAV_MEASURE_CHANGED");
        }
        if (kind == FollowUpKind.JOB_SPECIALIST_CHANGED) {
            c.required("payload.jobSpecialistRef", f.getJobSpecialistRef());
        } else {
            c.absent("payload.jobSpecialistRef", f.getJobSpecialistRef(), "is only for JOB_SPECIALIST_CHANGED");
        }
        if (CONSENT_KINDS.contains(kind)) {
            checkProjects(f.getResearchProjects(), c);
        } else {
            c.absent("payload.researchProjects", f.getResearchProjects(), "is only for CONSENT_WITHDRAWN and CONSENT_GIVEN");
        }
        if (kind == FollowUpKind.DIALOGUE_NOTE) {
            c.required("payload.note", f.getNote());
        }
    }

    private void checkOutcome(Outcome o, Checks c) {
        OutcomeKind kind = o.getKind();
        if (kind == null || kind == OutcomeKind.UNKNOWN) {
            c.add("payload.kind", ViolationCode.UNSUPPORTED_KIND, "is not an outcome kind this hub handles");
        }
        c.notFutureDate("payload.date", o.getDate());
        if (kind != null && JOB_OUTCOMES.contains(kind)) {
            c.required("payload.employerOrganisationNumber", o.getEmployerOrganisationNumber());
            if (kind == OutcomeKind.JOB_STARTED) {
                c.required("payload.hoursPerWeek", o.getHoursPerWeek());
                c.required("payload.competitive", o.getCompetitive());
                c.required("payload.permanent", o.getPermanent());
                c.required("payload.wageSubsidy", o.getWageSubsidy());
            }
            c.organisationNumber("payload.employerOrganisationNumber", o.getEmployerOrganisationNumber());
            if (o.getStyrkCode() != null && c.clean("payload.styrkCode") && !Styrk08Code.isValid(o.getStyrkCode())) {
                c.add("payload.styrkCode", ViolationCode.INVALID_FORMAT, "is not a STYRK-08 occupation code");
            }
            Double hours = o.getHoursPerWeek();
            if (hours != null && (hours.isNaN() || hours <= 0 || hours > MAX_HOURS_PER_WEEK)) {
                c.add("payload.hoursPerWeek", ViolationCode.OUT_OF_RANGE,
                        "must be more than 0 and at most " + (int) MAX_HOURS_PER_WEEK);
            }
            BigDecimal wage = o.getHourlyWage();
            if (wage != null && wage.signum() < 0) {
                c.add("payload.hourlyWage", ViolationCode.OUT_OF_RANGE, "must not be negative");
            } else if (wage != null && (long) wage.precision() - wage.scale() > MAX_WAGE_INTEGER_DIGITS) {
                // the JSON form checks this on reading; an Avro record may carry any number of digits
                c.add("payload.hourlyWage", ViolationCode.OUT_OF_RANGE,
                        "must have at most " + MAX_WAGE_INTEGER_DIGITS + " digits before the decimal point");
            }
        } else if (kind != null && kind != OutcomeKind.UNKNOWN) {
            String onlyForJobs = "is only for JOB_STARTED and JOB_ENDED";
            c.absent("payload.employerOrganisationNumber", o.getEmployerOrganisationNumber(), onlyForJobs);
            c.absent("payload.styrkCode", o.getStyrkCode(), onlyForJobs);
            c.absent("payload.hoursPerWeek", o.getHoursPerWeek(), onlyForJobs);
            c.absent("payload.hourlyWage", o.getHourlyWage(), onlyForJobs);
            c.absent("payload.competitive", o.getCompetitive(), onlyForJobs);
            c.absent("payload.permanent", o.getPermanent(), onlyForJobs);
            c.absent("payload.wageSubsidy", o.getWageSubsidy(), onlyForJobs);
        }
        if (kind != OutcomeKind.EPISODE_CLOSED) {
            c.absent("payload.closureReason", o.getClosureReason(), "is only for EPISODE_CLOSED");
        }
        if (kind != OutcomeKind.JOB_ENDED) {
            c.absent("payload.jobEndReason", o.getJobEndReason(), "is only for JOB_ENDED");
        }
    }

    private void checkCaseParties(HubMessage m, CaseParties caseParties, Checks c) {
        // a spoofed sender or a recipient that cannot be a party is reported as such, not as a case problem; a
        // message out of its bounds is answered without the case's state
        if (c.outOfBounds || c.has("sender", ViolationCode.SPOOFED_SENDER)
                || c.has("recipient", ViolationCode.UNKNOWN_PARTNER) || c.has("recipient", ViolationCode.PARTNER_SUSPENDED)
                || c.has("recipient", ViolationCode.WRONG_SECTOR) || isBlank(m.getCaseId())
                || isBlank(m.getSender()) || isBlank(m.getRecipient())) {
            return;
        }
        if (!caseParties.areParties(m.getCaseId(), m.getSender(), m.getRecipient())) {
            c.add("caseId", ViolationCode.NOT_A_CASE_PARTY,
                    "no referral opened this case between the sender and the recipient");
        }
    }

    private boolean checkPartnerRole(String field, String partnerId, Sector sector, Checks c) {
        if (!c.required(field, partnerId) || !c.clean(field)) {
            return false;
        }
        Optional<Partner> partner = partners.find(partnerId);
        if (partner.isEmpty()) {
            unknownOrSuspended(field, partnerId, c);
            return false;
        }
        if (partner.get().sector() != sector) {
            c.add(field, ViolationCode.WRONG_SECTOR, "must be a partner of sector " + sector);
            return false;
        }
        return true;
    }

    private void unknownOrSuspended(String field, String partnerId, Checks c) {
        if (partners.lookUp(partnerId).map(p -> p.status() == PartnerStatus.SUSPENDED).orElse(false)) {
            c.add(field, ViolationCode.PARTNER_SUSPENDED, "is suspended: the hub takes no message to or from it now");
        } else {
            c.add(field, ViolationCode.UNKNOWN_PARTNER, "is not a partner of the hub");
        }
    }

    private static boolean samePair(String a, String b, String x, String y) {
        return (a.equals(x) && b.equals(y)) || (a.equals(y) && b.equals(x));
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /** Collects violations for one message against one notion of "now". */
    private static final class Checks {
        private final List<Violation> violations = new ArrayList<>();
        private final Instant latestAllowed;
        /** True once a string broke its bound. */
        private boolean outOfBounds;
        private final LocalDate latestDate;

        Checks(Instant latestAllowed) {
            this.latestAllowed = latestAllowed;
            this.latestDate = LocalDate.ofInstant(latestAllowed, HubZone.NORWAY);
        }

        void add(String field, ViolationCode code, String message) {
            violations.add(new Violation(field, code, message));
        }

        /** True when no violation names {@code field} yet: its value may be looked at further. */
        boolean clean(String field) {
            return violations.stream().noneMatch(v -> v.field().equals(field));
        }

        /**
         * Adds OUT_OF_RANGE when the value is longer than its bound, INVALID_FORMAT when free text holds characters
         * its bound does not allow (other characters rules are the field's own checks, with their own messages).
         */
        void bounded(FieldBound bound, String value) {
            if (bound.isTooLong(value)) {
                add(bound.field(), ViolationCode.OUT_OF_RANGE, bound.lengthRule());
                outOfBounds = true;
            } else if ((bound.characters() == Characters.LINE || bound.characters() == Characters.TEXT)
                    && !bound.characters().allows(value)) {
                add(bound.field(), ViolationCode.INVALID_FORMAT, "may hold " + bound.characters().description());
                outOfBounds = true;
            }
        }

        boolean has(String field, ViolationCode code) {
            return violations.stream().anyMatch(v -> v.field().equals(field) && v.code() == code);
        }

        /** Adds REQUIRED when the value is missing or blank; true when it is present. */
        boolean required(String field, Object value) {
            if (value == null || (value instanceof CharSequence s && s.toString().isBlank())) {
                add(field, ViolationCode.REQUIRED, "is required");
                return false;
            }
            return true;
        }

        void absent(String field, Object value, String why) {
            if (value != null && clean(field)) {
                add(field, ViolationCode.NOT_ALLOWED, why);
            }
        }

        void notFuture(String field, Instant value) {
            if (required(field, value) && value.isAfter(latestAllowed)) {
                add(field, ViolationCode.FUTURE_DATE, "must not be in the future");
            }
        }

        void notFutureDate(String field, LocalDate value) {
            if (required(field, value) && value.isAfter(latestDate)) {
                add(field, ViolationCode.FUTURE_DATE, "must not be in the future");
            }
        }

        void organisationNumber(String field, String value) {
            if (value != null && !value.isBlank() && clean(field)) {
                OrganisationNumber.problem(value).ifPresent(problem ->
                        add(field, ViolationCode.INVALID_CHECKSUM, "is not a valid organisation number: " + problem));
            }
        }
    }
}
