package no.ipshub.log.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import no.ipshub.log.indicators.GroupBy;
import no.ipshub.log.store.EntryQuery;
import no.ipshub.log.survival.TimeToEventGrouping;
import no.ipshub.schemas.v1.CollaborationEventKind;

/** Parses the research API's query parameters, naming the parameter that is wrong. */
final class QueryParameters {

    private QueryParameters() {
    }

    static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new BadQueryException(name + " must be a date as yyyy-MM-dd");
        }
    }

    static LocalDate requiredDate(String name, String value) {
        LocalDate date = date(name, value);
        if (date == null) {
            throw new BadQueryException(name + " is required (yyyy-MM-dd)");
        }
        return date;
    }

    static EntryQuery entries(String from, String to, String team, String navOffice, String kind) {
        LocalDate start = date("from", from);
        LocalDate end = date("to", to);
        if (start != null && end != null && start.isAfter(end)) {
            throw new BadQueryException("from must not be after to");
        }
        CollaborationEventKind eventKind = null;
        if (kind != null && !kind.isBlank()) {
            try {
                eventKind = CollaborationEventKind.valueOf(kind.strip());
            } catch (IllegalArgumentException e) {
                throw new BadQueryException("kind must be one of the CollaborationEventKind symbols, e.g. EMPLOYER_CONTACT");
            }
        }
        return new EntryQuery(start, end, blankToNull(team), blankToNull(navOffice), eventKind);
    }

    static GroupBy groupBy(String value) {
        try {
            return GroupBy.parse(value == null ? "team" : value);
        } catch (IllegalArgumentException e) {
            throw new BadQueryException(e.getMessage());
        }
    }

    static TimeToEventGrouping timeToEventGrouping(String value) {
        try {
            return TimeToEventGrouping.parse(value == null ? "team" : value);
        } catch (IllegalArgumentException e) {
            throw new BadQueryException(e.getMessage());
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
