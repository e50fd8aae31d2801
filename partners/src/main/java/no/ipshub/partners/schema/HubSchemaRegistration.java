package no.ipshub.partners.schema;

import java.util.LinkedHashMap;
import java.util.Map;
import no.ipshub.partners.Partner;
import no.ipshub.partners.PartnerDirectory;
import no.ipshub.partners.topics.HubTopics;
import no.ipshub.registry.client.HubSubjects;
import no.ipshub.registry.client.SchemaRegistryClient;
import no.ipshub.schemas.v1.CollaborationLogEntry;
import no.ipshub.schemas.v1.DeadLetter;
import no.ipshub.schemas.v1.HubMessage;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Registers the hub's schemas at start-up, before any route runs, under their TopicNameStrategy subjects
 * ({@code <topic>-value}) held to BACKWARD_TRANSITIVE: every later version must read data written with every
 * earlier one. A schema that breaks that rule stops start-up with the registry's error. Routes encode with
 * auto-registration off, so these are the only schemas the hub writes with.
 */
@Component
public class HubSchemaRegistration implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(HubSchemaRegistration.class);

    private final SchemaRegistryClient registry;
    private final HubTopics topics;
    private final PartnerDirectory partners;

    public HubSchemaRegistration(SchemaRegistryClient registry, HubTopics topics, PartnerDirectory partners) {
        this.registry = registry;
        this.topics = topics;
        this.partners = partners;
    }

    /** Every topic the hub owns, with the schema of its values. */
    public static Map<String, Schema> topicSchemas(HubTopics topics, Iterable<Partner> partners) {
        Map<String, Schema> schemas = new LinkedHashMap<>();
        topics.canonicalTopics().forEach(t -> schemas.put(t, HubMessage.getClassSchema()));
        schemas.put(topics.deadLetter(), DeadLetter.getClassSchema());
        schemas.put(topics.collaborationLog(), CollaborationLogEntry.getClassSchema());
        schemas.put(topics.intakeSubmission(), HubMessage.getClassSchema());
        for (Partner p : partners) {
            schemas.put(topics.ingressFor(p.id()), HubMessage.getClassSchema());
            schemas.put(topics.inboxFor(p.id()), HubMessage.getClassSchema());
        }
        return schemas;
    }

    /** Every subject the hub owns, with the schema it carries. */
    public static Map<String, Schema> subjects(HubTopics topics, Iterable<Partner> partners) {
        Map<String, Schema> subjects = new LinkedHashMap<>();
        topicSchemas(topics, partners).forEach((topic, schema) -> subjects.put(subject(topic), schema));
        return subjects;
    }

    /** The TopicNameStrategy subject of a topic's values. */
    public static String subject(String topic) {
        return topic + "-value";
    }

    @Override
    public void afterPropertiesSet() {
        Map<String, Schema> schemas = topicSchemas(topics, partners.all());
        // one listing of what the registry holds; only subjects without their schema yet are written
        int registered = HubSubjects.ensureRegistered(registry, schemas);
        log.info("Registered the hub's schemas under {} subjects with {} ({} already held their schema)",
                schemas.size(), HubSubjects.HUB_LEVEL, schemas.size() - registered);
    }
}
