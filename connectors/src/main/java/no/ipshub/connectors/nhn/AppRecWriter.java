package no.ipshub.connectors.nhn;

import static no.ipshub.connectors.nhn.XmlElements.coded;
import static no.ipshub.connectors.nhn.XmlElements.element;

import java.io.StringWriter;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import no.ipshub.connectors.nhn.DialogueEnvelope.Party;
import no.ipshub.routes.time.HubZone;

/**
 * Writes an application receipt, AppRec 1.1, from the hub (its HER-id and name) to the sender of a message.
 * Text is escaped by the XML writer, so nothing from the message can change the receipt's structure.
 */
public final class AppRecWriter {

    /** xsd:dateTime in Norwegian local time, seconds always written (LocalDateTime.toString drops zero seconds). */
    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private final NhnIdentity hub;
    private final Clock clock;

    public AppRecWriter(NhnIdentity hub, Clock clock) {
        this.hub = hub;
        this.clock = clock;
    }

    /**
     * The receipt's XML.
     *
     * @param receipt     status, errors and the MsgId answered
     * @param original    what was read of the original message, for OriginalMsgId; null when nothing could be
     * @param addressedTo the sender of the original message; null when it could not be read
     */
    public String write(AppRec receipt, Original original, Party addressedTo) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("AppRec");
            w.writeDefaultNamespace(NhnXml.APPREC_1_1);
            coded(w, "MsgType", "APPREC", "Applikasjonskvittering");
            element(w, "MIGversion", "v1.1 2012-02-15");
            element(w, "SoftwareName", "IPS Collaboration Hub");
            element(w, "GenDate", DATE_TIME.format(LocalDateTime.now(clock.withZone(HubZone.NORWAY))));
            element(w, "Id", UUID.randomUUID().toString());
            w.writeStartElement("Sender");
            institution(w, hub.name(), hub.herId(), null);
            w.writeEndElement();
            w.writeStartElement("Receiver");
            if (addressedTo == null) {
                institution(w, null, null, null);
            } else {
                Long department = addressedTo.herIds().size() > 1 ? addressedTo.communicationParty() : null;
                institution(w, addressedTo.name(), addressedTo.organisation(), department);
            }
            w.writeEndElement();
            coded(w, "Status", receipt.status().code(), receipt.status().text());
            for (ReceiptError error : receipt.errors()) {
                w.writeEmptyElement("Error");
                w.writeAttribute("S", AppRecError.CODE_SYSTEM);
                w.writeAttribute("V", error.code().name());
                w.writeAttribute("DN", error.code().text());
                w.writeAttribute("OT", error.detail());
            }
            w.writeStartElement("OriginalMsgId");
            coded(w, "MsgType", original == null || original.msgType() == null ? "DIALOG_HELSEFAGLIG" : original.msgType(),
                    null);
            element(w, "IssueDate", DATE_TIME.format(original == null || original.genDate() == null
                    ? LocalDateTime.now(clock.withZone(HubZone.NORWAY)) : original.genDate()));
            element(w, "Id", receipt.originalMsgId() == null ? "" : receipt.originalMsgId());
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write an application receipt", e);
        }
        return out.toString();
    }

    /** What a receipt names of the message it answers. */
    public record Original(String msgType, LocalDateTime genDate) {

        static Original of(DialogueEnvelope envelope) {
            return new Original(envelope.msgType(), envelope.genDate());
        }
    }

    private static void institution(XMLStreamWriter w, String name, Long herId, Long departmentHerId)
            throws XMLStreamException {
        w.writeStartElement("HCP");
        w.writeStartElement("Inst");
        if (name != null) {
            element(w, "Name", name);
        }
        if (herId != null) {
            element(w, "Id", Long.toString(herId));
            coded(w, "TypeId", "HER", "HER-id");
        }
        if (departmentHerId != null) {
            w.writeStartElement("Dept");
            element(w, "Id", Long.toString(departmentHerId));
            coded(w, "TypeId", "HER", "HER-id");
            w.writeEndElement();
        }
        w.writeEndElement();
        w.writeEndElement();
    }
}
