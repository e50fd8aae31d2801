package no.ipshub.log.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.function.Consumer;
import no.ipshub.log.audit.AuditTrail;
import no.ipshub.log.store.CollaborationLogEntries;
import no.ipshub.log.store.EntryQuery;
import no.ipshub.schemas.v1.CollaborationLogEntry;

/** An export of the caller's project's entries (rows), audited with its row count before a byte is sent. */
final class RowExport {

    /** Hands the export's entries, in order, to a sink. */
    interface Rows {
        void each(Consumer<CollaborationLogEntry> sink);
    }

    private final CollaborationLogEntries entries;
    private final AuditTrail audit;

    RowExport(CollaborationLogEntries entries, AuditTrail audit) {
        this.entries = entries;
        this.audit = audit;
    }

    /** Audits the export under {@code action} and returns its rows, to be streamed onto the response. */
    Rows start(HttpServletRequest request, String action, String from, String to, String team, String navOffice,
            String kind) {
        ResearchCaller caller = ResearchCaller.of(request);
        EntryQuery query = QueryParameters.entries(from, to, team, navOffice, kind);
        String project = caller.project().code();
        audit.append(caller.name(), action, ResearchController.describe(request), entries.count(project, query), project);
        return sink -> entries.stream(project, query, sink);
    }
}
