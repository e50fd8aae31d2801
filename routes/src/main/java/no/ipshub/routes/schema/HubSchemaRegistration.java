package no.ipshub.routes.schema;

import java.util.LinkedHashMap;
import java.util.Map;
import no.ipshub.registry.client.SchemaRegistryClient;
import no.ipshub.routes.config.HubTopics;
import no.ipshub.routes.partner.Partner;
import no.ipshub.routes.partner.PartnerDirectory;
import no.ipshub.schemas.v1.CollaborationLogEntry;
import no.ipshub.schemas.v1.DeadLetter;
import no.ipshub.schemas.v1.HubMessage;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Registers the hub's schemas at start-up under their TopicNameStrategy subjects ({@code <topic>-value}) and
 * sets BACKWARD_TRANSITIVE on each of them, so that every later version must read data written with every
 * earlier one. A schema that breaks that rule stops start-up with the registry's error.
 */
@Component
public class HubSchemaRegistration implements InitializingBean {

    public static final String COMPATIBILITY = "BACKWARD_TRANSITIVE";
    private static final Logger log = LoggerFactory.getLogger(HubSchemaRegistration.class);

    private final SchemaRegistryClient registry;
    private final HubTopics topics;
    private final PartnerDirectory partners;

    public HubSchemaRegistration(SchemaRegistryClient registry, HubTopics topics, PartnerDirectory partners) {
        this.registry = registry;
        this.topics = topics;
        this.partners = partners;
    }

    /** Every subject the hub owns, with the schema it carries. */
    public static Map<String, Schema> subjects(HubTopics topics, Iterable<Partner> partners) {
        Map<String, Schema> subjects = new LinkedHashMap<>();
        topics.canonicalTopics().forEach(t -> subjects.put(subject(t), HubMessage.getClassSchema()));
        subjects.put(subject(topics.deadLetter()), DeadLetter.getClassSchema());
        subjects.put(subject(topics.collaborationLog()), CollaborationLogEntry.getClassSchema());
        for (Partner p : partners) {
            subjects.put(subject(topics.ingressFor(p.id())), HubMessage.getClassSchema());
            subjects.put(subject(topics.inboxFor(p.id())), HubMessage.getClassSchema());
        }
        return subjects;
    }

    /** The TopicNameStrategy subject of a topic's values. */
    public static String subject(String topic) {
        return topic + "-value";
    }

    @Override
    public void afterPropertiesSet() {
        Map<String, Schema> subjects = subjects(topics, partners.all());
        subjects.forEach((subject, schema) -> {
            registry.setCompatibility(subject, COMPATIBILITY);
            registry.register(subject, schema);
        });
        log.info("Registered the hub's schemas under {} subjects with {}", subjects.size(), COMPATIBILITY);
    }
}
