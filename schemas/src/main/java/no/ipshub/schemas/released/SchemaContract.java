package no.ipshub.schemas.released;

import no.ipshub.schemas.v1.CollaborationLogEntry;
import no.ipshub.schemas.v1.DeadLetter;
import no.ipshub.schemas.v1.HubMessage;
import org.apache.avro.Schema;

/** A top-level record type that is the value of a hub topic, and so has released versions. */
public enum SchemaContract {

    /** The value of every message topic: ingress, canonical and inbox topics. */
    HUB_MESSAGE("hub-message", HubMessage.getClassSchema()),

    /** The value of the compacted collaboration log topic. */
    COLLABORATION_LOG_ENTRY("collaboration-log-entry", CollaborationLogEntry.getClassSchema()),

    /** The value of the dead-letter topic. */
    DEAD_LETTER("dead-letter", DeadLetter.getClassSchema());

    private final String id;
    private final Schema currentSchema;

    SchemaContract(String id, Schema currentSchema) {
        this.id = id;
        this.currentSchema = currentSchema;
    }

    /** The folder name under {@code released/}, e.g. {@code hub-message}. */
    public String id() {
        return id;
    }

    /** The schema of the generated class this module compiles today. */
    public Schema currentSchema() {
        return currentSchema;
    }
}
