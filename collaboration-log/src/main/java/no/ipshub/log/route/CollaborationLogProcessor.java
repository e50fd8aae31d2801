package no.ipshub.log.route;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.ipshub.engine.error.FailureClassifier;
import no.ipshub.engine.error.TransientFailureException;
import no.ipshub.engine.kafka.ConsumedRecord;
import no.ipshub.engine.kafka.HubWireCodec;
import no.ipshub.engine.kafka.RecordBatch;
import no.ipshub.log.mapping.CollaborationLogMapper;
import no.ipshub.log.mapping.LogEvent;
import no.ipshub.log.project.ProjectDirectory;
import no.ipshub.log.store.BatchOutcome;
import no.ipshub.log.store.CollaborationLogStore;
import no.ipshub.schemas.v1.HubMessage;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles one batch of canonical records for the collaboration log: decodes each message once and pseudonymises it
 * for every research project (with the project's key, by the project's consent), writes the batch of every project
 * to the store in one transaction and, inside it, to each project's log topic. A failure of the
 * registry, database or broker fails the batch, which is aborted and read again after a back-off.
 *
 * <p>A record that cannot be decoded is skipped with a warning naming its position: the partner-ingress route
 * wrote it, so it cannot happen unless the canonical topics were written by something else.
 */
public class CollaborationLogProcessor implements Processor {

    private static final Logger log = LoggerFactory.getLogger(CollaborationLogProcessor.class);

    private final HubWireCodec codec;
    private final CollaborationLogMapper mapper;
    private final CollaborationLogStore store;
    private final CollaborationLogPublisher publisher;
    private final ProjectDirectory projects;

    public CollaborationLogProcessor(HubWireCodec codec, CollaborationLogMapper mapper, CollaborationLogStore store,
            CollaborationLogPublisher publisher, ProjectDirectory projects) {
        this.codec = codec;
        this.mapper = mapper;
        this.store = store;
        this.publisher = publisher;
        this.projects = projects;
    }

    @Override
    public void process(Exchange exchange) {
        List<ConsumedRecord> records = exchange.getMessage().getBody(RecordBatch.class).records();
        List<ProjectDirectory.Entry> served = projects.all();
        Map<String, List<LogEvent>> byProject = new LinkedHashMap<>();
        served.forEach(p -> byProject.put(p.project().code(), new ArrayList<>()));
        for (ConsumedRecord record : records) {
            HubMessage message = message(record);
            if (message == null) {
                continue;
            }
            for (ProjectDirectory.Entry project : served) {
                LogEvent event = event(message, project, record);
                if (event != null) {
                    byProject.get(project.project().code()).add(event);
                }
            }
        }
        byProject.values().removeIf(List::isEmpty);
        if (byProject.isEmpty()) {
            return;
        }
        List<BatchOutcome> outcomes = store.write(byProject, publisher::publish);
        for (BatchOutcome outcome : outcomes) {
            log.debug("Route {} logged {} entries of project {} from {} records ({} left out for want of consent, {} "
                    + "waiting for their referral, {} tombstones)", CollaborationLogRoute.ROUTE_ID, outcome.entries().size(),
                    outcome.project(), records.size(), outcome.plan().dropped(), outcome.plan().pendingToPark().size(),
                    outcome.tombstones().size());
        }
    }

    private HubMessage message(ConsumedRecord record) {
        if (record.value() == null) {
            log.warn("Route {} skipped {}: the record has no value", CollaborationLogRoute.ROUTE_ID, record.position());
            return null;
        }
        try {
            return codec.decodeMessage(record.value());
        } catch (RuntimeException e) {
            if (FailureClassifier.isTransient(e)) {
                throw new TransientFailureException("cannot decode " + record.position() + " now", e);
            }
            log.warn("Route {} skipped {}: not a HubMessage ({})", CollaborationLogRoute.ROUTE_ID, record.position(),
                    e.getClass().getSimpleName());
            return null;
        }
    }

    private LogEvent event(HubMessage message, ProjectDirectory.Entry project, ConsumedRecord record) {
        try {
            return mapper.map(message, project.project(), project.pseudonymiser());
        } catch (IllegalArgumentException e) {
            log.warn("Route {} skipped message {} at {}: {}", CollaborationLogRoute.ROUTE_ID, message.getMessageId(),
                    record.position(), e.getMessage());
            return null;
        }
    }
}
