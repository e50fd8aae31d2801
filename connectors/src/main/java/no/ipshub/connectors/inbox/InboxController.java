package no.ipshub.connectors.inbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.ipshub.connectors.http.HttpEdgeProperties;
import no.ipshub.connectors.http.Problems;
import no.ipshub.partners.Partner;
import no.ipshub.partners.topics.HubTopics;
import no.ipshub.routes.inbox.ExpiredInboxCursorException;
import no.ipshub.routes.inbox.InboxCursor;
import no.ipshub.routes.inbox.InboxReader.InboxPage;
import no.ipshub.routes.inbox.InboxReader;
import no.ipshub.routes.inbox.InvalidInboxCursorException;
import no.ipshub.schemas.json.HubMessageJson;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/inbox?after=<cursor>&limit=<n>}: the messages addressed to the calling partner, oldest
 * first, each with its cursor, and the {@code nextCursor} to resume from. Cursors are opaque, work on every hub
 * instance and survive restarts; {@code 0} (or none) is the start. The inbox read is always the caller's own:
 * there is no parameter that names a partner. A cursor whose messages retention has deleted gets 410 with the
 * earliest valid cursor; one that this inbox cannot have handed out gets 400.
 */
@RestController
public class InboxController {

    public static final String PATH = "/api/v1/inbox";

    private final InboxReader inbox;
    private final HubMessageJson json;
    private final HttpEdgeProperties properties;
    private final long retentionDays;

    public InboxController(InboxReader inbox, HubMessageJson json, HttpEdgeProperties properties, HubTopics topics) {
        this.inbox = inbox;
        this.json = json;
        this.properties = properties;
        this.retentionDays = topics.inboxRetention().toDays();
    }

    @GetMapping(path = PATH, produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    public ResponseEntity<Map<String, Object>> read(@AuthenticationPrincipal Partner partner,
            @RequestParam(name = "after", required = false) String after,
            @RequestParam(name = "limit", required = false) String limit) {
        List<Map<String, String>> errors = new ArrayList<>();
        InboxCursor cursor = null;
        try {
            cursor = InboxCursor.parse(after);
        } catch (IllegalArgumentException e) {
            errors.add(Problems.error("after", "must be 0 or the nextCursor of an earlier page"));
        }
        Long size = parse(limit, (long) properties.inboxDefaultLimit());
        if (size == null || size < 1) {
            errors.add(Problems.error("limit", "must be a whole number from 1; pages hold at most " + InboxReader.MAX_LIMIT));
        }
        if (!errors.isEmpty()) {
            return Problems.of(HttpStatus.BAD_REQUEST, PATH, "The query parameters are not valid.", errors);
        }
        InboxPage page;
        try {
            page = inbox.read(partner.id(), cursor, (int) Math.min(size, InboxReader.MAX_LIMIT));
        } catch (InvalidInboxCursorException e) {
            return Problems.of(HttpStatus.BAD_REQUEST, PATH, "The query parameters are not valid.",
                    List.of(Problems.error("after", "is no cursor of this inbox: it " + e.getMessage())));
        } catch (ExpiredInboxCursorException e) {
            return expired(e.earliest().encode());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("messages", page.items().stream().map(item -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("cursor", item.cursor());
            entry.put("deliveredAt", item.deliveredAt().toString());
            entry.put("message", json.toTree(item.message()));
            return entry;
        }).toList());
        body.put("nextCursor", page.nextCursor());
        return ResponseEntity.ok(body);
    }

    /** 410: the messages after the cursor were deleted unread; the body says where to go on. */
    private ResponseEntity<Map<String, Object>> expired(String earliest) {
        ResponseEntity<Map<String, Object>> problem = Problems.of(HttpStatus.GONE, PATH, "The inbox no longer holds"
                + " the messages after this cursor: the inbox keeps a message " + retentionDays + " days, and these"
                + " were deleted unread. Go on from earliestCursor, the earliest cursor still valid; the messages"
                + " between are not in the inbox any more.", List.of());
        problem.getBody().put("earliestCursor", earliest);
        problem.getBody().put("resume", PATH + "?after=" + earliest);
        return problem;
    }

    private static Long parse(String value, long absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
