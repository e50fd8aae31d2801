package no.ipshub.operations.deadletter;

import no.ipshub.engine.kafka.HubWireCodec;
import no.ipshub.partners.PartnerDirectory;
import no.ipshub.partners.topics.HubTopics;
import no.ipshub.registry.serde.WireFormatException;
import no.ipshub.schemas.json.HubMessageJson;
import no.ipshub.schemas.v1.HubMessage;

/**
 * Reads dead letters for operators: summaries with their replay target, and the detail view with the message
 * decoded and masked.
 */
public class DeadLetterInspector {

    private final DeadLetterStore store;
    private final HubWireCodec codec;
    private final HubMessageJson json;
    private final HubTopics topics;
    private final PartnerDirectory partners;
    private final DeadLetterProperties properties;

    public DeadLetterInspector(DeadLetterStore store, HubWireCodec codec, HubMessageJson json, HubTopics topics,
            PartnerDirectory partners, DeadLetterProperties properties) {
        this.store = store;
        this.codec = codec;
        this.json = json;
        this.topics = topics;
        this.partners = partners;
        this.properties = properties;
    }

    /** The summary of an entry, with where a replay would take it now. */
    public DeadLetterSummary summary(DeadLetterEntry entry) {
        return DeadLetterSummary.of(entry, ReplayTarget.of(entry, entry.originalSize() > 0, topics, partners));
    }

    /**
     * The dead letter in full.
     *
     * @throws DeadLetterRequestException 404 when there is none with this id
     */
    public DeadLetterDetail detail(String id) {
        DeadLetterEntry entry = store.find(id).orElseThrow(() -> DeadLetterRequestException.notFound(id));
        DeadLetterStore.Original original = store.original(id).orElseThrow(() -> DeadLetterRequestException.notFound(id));
        String key = original.key() == null ? null : BytePreview.of(original.key(), properties.previewBytes()).text();
        byte[] value = original.value();
        if (value == null) {
            return new DeadLetterDetail(summary(entry), key, null, "the failed record had no value", null);
        }
        try {
            HubMessage message = codec.decodeMessage(value);
            return new DeadLetterDetail(summary(entry), key, MessageMasking.mask(json.toTree(message)), null, null);
        } catch (RuntimeException e) {
            String why = e instanceof WireFormatException w ? w.kind().name() : e.getClass().getSimpleName();
            return new DeadLetterDetail(summary(entry), key, null, why,
                    BytePreview.of(value, properties.previewBytes()));
        }
    }
}
