package no.ipshub.operations.deadletter;

import java.time.ZoneOffset;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/ops/deadletters} (operator role): list with filters, one in decoded form, replay one or a
 * selection back into the ingress, discard one with a reason. Local dates and date-times in filters are UTC
 * here; send instants to be exact.
 */
@RestController
@RequestMapping("/api/v1/ops/deadletters")
public class DeadLetterController {

    private final DeadLetterStore store;
    private final DeadLetterInspector inspector;
    private final DeadLetterReplayer replayer;

    public DeadLetterController(DeadLetterStore store, DeadLetterInspector inspector, DeadLetterReplayer replayer) {
        this.store = store;
        this.inspector = inspector;
        this.replayer = replayer;
    }

    /** The dead letters matching the filter, latest failure first, one page at a time. */
    @GetMapping
    public PageResponse list(@RequestParam(required = false) String partner,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        if (page < 0) {
            throw DeadLetterRequestException.invalid("page", "must be 0 or more");
        }
        if (size < 1 || size > DeadLetterStore.MAX_PAGE_SIZE) {
            throw DeadLetterRequestException.invalid("size", "must be between 1 and " + DeadLetterStore.MAX_PAGE_SIZE);
        }
        DeadLetterFilter filter = DeadLetterFilter.parse(partner, reason, status, from, to, ZoneOffset.UTC);
        DeadLetterStore.Page result = store.page(filter, page, size);
        return new PageResponse(result.items().stream().map(inspector::summary).toList(), result.page(), result.size(),
                result.total());
    }

    /** Dead letters counted by reason and status. */
    @GetMapping("/counts")
    public DeadLetterCounts counts() {
        return DeadLetterCounts.of(store.countsByReason());
    }

    /** One dead letter with its message decoded (personal values masked) or a masked preview of its bytes. */
    @GetMapping("/{id}")
    public DeadLetterDetail detail(@PathVariable String id) {
        return inspector.detail(id);
    }

    /** Puts the dead letter's original bytes back on its partner's ingress and marks it REPLAYED. */
    @PostMapping("/{id}/replay")
    public ReplayOutcome replay(@PathVariable String id, Authentication operator) {
        ReplayOutcome outcome = replayer.replay(List.of(id), operator.getName()).get(0);
        return switch (outcome.result()) {
            case REPLAYED -> outcome;
            case NOT_FOUND -> throw DeadLetterRequestException.notFound(id);
            case NOT_REPLAYABLE -> throw DeadLetterRequestException.conflict(outcome.detail());
        };
    }

    /**
     * Replays a selection: the given ids, or the OPEN dead letters matching a filter (oldest first, up to
     * {@code hub.dead-letters.max-replay-selection}).
     */
    @PostMapping("/replay")
    public SelectionResponse replaySelection(@RequestBody ReplaySelection selection, Authentication operator) {
        boolean byIds = selection.ids() != null && !selection.ids().isEmpty();
        boolean byFilter = selection.filter() != null;
        if (byIds == byFilter) {
            throw DeadLetterRequestException.invalid(byIds ? "filter" : "ids",
                    "give either 'ids' (a non-empty list) or 'filter', not both");
        }
        if (byIds) {
            return SelectionResponse.of(replayer.replay(selection.ids(), operator.getName()), false);
        }
        FilterBody f = selection.filter();
        DeadLetterFilter filter = DeadLetterFilter.parse(f.partner(), f.reason(), null, f.from(), f.to(), ZoneOffset.UTC);
        DeadLetterReplayer.Selection result = replayer.replayMatching(filter, operator.getName());
        return SelectionResponse.of(result.outcomes(), result.truncated());
    }

    /** Discards an OPEN dead letter; the reason is required and recorded with the operator's name. */
    @PostMapping("/{id}/discard")
    public DeadLetterSummary discard(@PathVariable String id, @RequestBody(required = false) DiscardRequest request,
            Authentication operator) {
        String reason = request == null ? null : request.reason();
        return inspector.summary(replayer.discard(id, reason, operator.getName()));
    }

    /**
     * One page of dead letters.
     *
     * @param items the dead letters, latest failure first
     * @param page  the page number, from 0
     * @param size  the page size
     * @param total how many match in all
     */
    public record PageResponse(List<DeadLetterSummary> items, int page, int size, long total) {
    }

    /**
     * A replay selection: either {@code ids} or {@code filter}.
     *
     * @param ids    dead-letter ids
     * @param filter a filter over OPEN dead letters
     */
    public record ReplaySelection(List<String> ids, FilterBody filter) {
    }

    /**
     * The filter of a replay selection; the fields mean what the list's query parameters mean.
     *
     * @param partner partner id
     * @param reason  reason code
     * @param from    earliest last failure
     * @param to      last failures before this
     */
    public record FilterBody(String partner, String reason, String from, String to) {
    }

    /**
     * A discard request.
     *
     * @param reason why the dead letter is given up; required
     */
    public record DiscardRequest(String reason) {
    }

    /**
     * What a selection replay did.
     *
     * @param replayed  how many dead letters were written back
     * @param outcomes  one per dead letter tried
     * @param truncated true when more matched the filter than one request may replay; send it again for the rest
     */
    public record SelectionResponse(int replayed, List<ReplayOutcome> outcomes, boolean truncated) {

        static SelectionResponse of(List<ReplayOutcome> outcomes, boolean truncated) {
            int replayed = (int) outcomes.stream().filter(o -> o.result() == ReplayOutcome.Result.REPLAYED).count();
            return new SelectionResponse(replayed, outcomes, truncated);
        }
    }
}
