package no.ipshub.connectors.nhn;

import static no.ipshub.connectors.nhn.XmlElements.coded;
import static no.ipshub.connectors.nhn.XmlElements.element;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import no.ipshub.connectors.nhn.NhnConversationStore.Conversation;
import no.ipshub.partners.Partner;
import no.ipshub.routes.time.HubZone;
import no.ipshub.schemas.v1.FollowUp;
import no.ipshub.schemas.v1.FollowUpKind;
import no.ipshub.schemas.v1.HubMessage;
import no.ipshub.schemas.v1.Outcome;
import no.ipshub.schemas.v1.Referral;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * Renders a hub message for a partner on Norsk helsenett as a Dialogmelding 1.1 note in a Hodemelding 1.2: from
 * the hub (its HER-id, the sending partner's inside it when it has one) to the partner's HER-id, with the hub's
 * message id as MsgId, so that a reply's conversation reference leads back to the case. The payload's fields are
 * written as readable lines ("field name: value"); a referral's national id goes into MsgInfo/Patient, never into
 * the text. The envelope is checked against the published schemas before it leaves.
 */
public final class DialogueRenderer {


    private final NhnIdentity hub;
    private final NhnXml xml;
    private final Clock clock;

    public DialogueRenderer(NhnIdentity hub, NhnXml xml, Clock clock) {
        this.hub = hub;
        this.xml = xml;
        this.clock = clock;
    }

    /**
     * The envelope, UTF-8.
     *
     * @param message      the hub message
     * @param sender       its sender
     * @param senderHerId  the sender's HER-id, or null when it has none
     * @param recipient    its recipient, a partner on Norsk helsenett
     * @param address      the recipient's address
     * @param conversation the conversation the case has with the recipient, or null for none yet
     * @throws IllegalStateException when the hub has no HER-id, or the envelope fails its schema (a fault of the hub)
     */
    public byte[] render(HubMessage message, Partner sender, Long senderHerId, Partner recipient, NhnAddress address,
            Conversation conversation) {
        if (hub.herId() == null) {
            throw new IllegalStateException("hub.nhn.her-id is not set: the hub cannot send over Norsk helsenett");
        }
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("MsgHead");
            w.writeDefaultNamespace(NhnXml.MSGHEAD);
            w.writeStartElement("MsgInfo");
            coded(w, "Type", "DIALOG_HELSEFAGLIG", "Helsefaglig dialog");
            element(w, "MIGversion", "v1.2 2006-05-24");
            element(w, "GenDate", AppRecWriter.DATE_TIME.format(LocalDateTime.now(clock.withZone(HubZone.NORWAY))));
            element(w, "MsgId", message.getMessageId());
            if (conversation != null) {
                w.writeStartElement("ConversationRef");
                String correlation = message.getCorrelationId();
                element(w, "RefToParent", correlation != null && !correlation.isBlank() ? correlation : conversation.ref());
                element(w, "RefToConversation", conversation.ref());
                w.writeEndElement();
            }
            w.writeStartElement("Sender");
            organisation(w, hub.name(), hub.herId(), senderHerId == null ? null : sender.displayName(), senderHerId);
            w.writeEndElement();
            w.writeStartElement("Receiver");
            if (address.organisationHerId() == null) {
                organisation(w, recipient.displayName(), address.herId(), null, null);
            } else {
                organisation(w, recipient.displayName(), address.organisationHerId(), recipient.displayName(),
                        address.herId());
            }
            w.writeEndElement();
            if (message.getPayload() instanceof Referral referral) {
                patient(w, referral.getParticipantNationalId());
            }
            w.writeEndElement();
            w.writeStartElement("Document");
            w.writeStartElement("RefDoc");
            coded(w, "IssueDate",
                    AppRecWriter.DATE_TIME.format(LocalDateTime.ofInstant(message.getOccurredAt(), HubZone.NORWAY)), null);
            coded(w, "MsgType", "XML", "XML-instans");
            w.writeStartElement("Content");
            w.writeStartElement("Dialogmelding");
            w.writeDefaultNamespace(NhnXml.DIALOG);
            w.writeStartElement("Notat");
            w.writeEmptyElement("TemaKodet");
            w.writeAttribute("V", "6");
            w.writeAttribute("DN", "Henvendelse om pasient");
            w.writeAttribute("S", "2.16.578.1.12.4.1.1.7322");
            element(w, "Tema", subject(message));
            element(w, "TekstNotatInnhold", text(message, sender));
            LocalDate date = dateOf(message);
            if (date != null) {
                element(w, "DatoNotat", date.toString());
            }
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the envelope of message " + message.getMessageId(), e);
        }
        byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
        try {
            xml.validate(xml.parse(bytes));
        } catch (EnvelopeRefusedException e) {
            throw new IllegalStateException("the envelope of message " + message.getMessageId()
                    + " fails its schema: " + e.getMessage(), e);
        }
        return bytes;
    }

    /** The note's subject: "IPS: " and the kind of message. */
    static String subject(HubMessage message) {
        Object payload = message.getPayload();
        if (payload instanceof Referral) {
            return "IPS: henvisning (REFERRAL)";
        }
        if (payload instanceof FollowUp f) {
            return f.getKind() == FollowUpKind.DIALOGUE_NOTE ? "IPS: notat" : "IPS: " + f.getKind();
        }
        return "IPS: " + ((Outcome) payload).getKind();
    }

    /** The case, the sender and the payload's fields as readable lines; a dialogue note's text after them. */
    static String text(HubMessage message, Partner sender) {
        List<String> lines = new ArrayList<>();
        lines.add("Sak i IPS-huben: " + message.getCaseId());
        lines.add("Fra: " + sender.displayName() + " (" + sender.id() + ")");
        SpecificRecord payload = (SpecificRecord) message.getPayload();
        String note = null;
        for (Schema.Field field : payload.getSchema().getFields()) {
            Object value = payload.get(field.pos());
            if (value == null || field.name().equals("participantNationalId")) {
                continue;
            }
            if (field.name().equals("note")) {
                note = value.toString();
                continue;
            }
            lines.add(words(field.name()) + ": " + value);
        }
        String text = String.join("\n", lines);
        return note == null ? text : text + "\n\n" + note;
    }

    private static LocalDate dateOf(HubMessage message) {
        Object payload = message.getPayload();
        if (payload instanceof Referral r) {
            return r.getReferralDate();
        }
        if (payload instanceof FollowUp f) {
            return f.getDate();
        }
        return ((Outcome) payload).getDate();
    }

    /** {@code employerOrganisationNumber} as "employer organisation number". */
    static String words(String camelCase) {
        return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }

    private static void organisation(XMLStreamWriter w, String name, long herId, String innerName, Long innerHerId)
            throws XMLStreamException {
        w.writeStartElement("Organisation");
        element(w, "OrganisationName", name);
        herIdent(w, herId);
        if (innerHerId != null) {
            w.writeStartElement("Organisation");
            element(w, "OrganisationName", innerName);
            herIdent(w, innerHerId);
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    private static void herIdent(XMLStreamWriter w, long herId) throws XMLStreamException {
        w.writeStartElement("Ident");
        element(w, "Id", Long.toString(herId));
        w.writeEmptyElement("TypeId");
        w.writeAttribute("V", "HER");
        w.writeAttribute("DN", "HER-id");
        w.writeAttribute("S", "2.16.578.1.12.4.1.1.9051");
        w.writeEndElement();
    }

    private static void patient(XMLStreamWriter w, String nationalId) throws XMLStreamException {
        boolean dNumber = nationalId.length() == 11 && nationalId.charAt(0) >= '4' && nationalId.charAt(0) <= '7';
        w.writeStartElement("Patient");
        w.writeStartElement("Ident");
        element(w, "Id", nationalId);
        w.writeEmptyElement("TypeId");
        w.writeAttribute("V", dNumber ? "DNR" : "FNR");
        w.writeAttribute("DN", dNumber ? "D-nummer" : "Fødselsnummer");
        w.writeAttribute("S", "2.16.578.1.12.4.1.1.8116");
        w.writeEndElement();
        w.writeEndElement();
    }
}
