package no.ipshub.log.store;

import java.util.List;
import no.ipshub.log.consent.BatchPlan;
import no.ipshub.schemas.v1.CollaborationLogEntry;

/**
 * What a batch wrote: the entries for the log topic and the entry ids to tombstone there.
 *
 * @param project    the research project whose log it is
 * @param plan       the consent decisions of the batch
 * @param entries    entries of the batch (new or already stored by an earlier attempt); all go to the topic
 * @param tombstones entry ids removed by consent withdrawals, to be tombstoned on the topic
 */
public record BatchOutcome(String project, BatchPlan plan, List<CollaborationLogEntry> entries, List<String> tombstones) {
}
