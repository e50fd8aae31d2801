package no.ipshub.connectors.nhn;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import no.ipshub.connectors.nhn.DialogueEnvelope.ConversationRef;
import no.ipshub.connectors.nhn.DialogueEnvelope.DialogueNote;
import no.ipshub.connectors.nhn.DialogueEnvelope.NoteKind;
import no.ipshub.connectors.nhn.DialogueEnvelope.Party;
import no.ipshub.routes.time.HubZone;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads a {@link DialogueEnvelope} out of an envelope's bytes: parsed safely, the root checked to be a MsgHead 1.2,
 * validated against the published schemas, and the Dialogmelding 1.1 found among its documents.
 */
public final class DialogueEnvelopeReader {

    private static final Pattern DIGITS = Pattern.compile("\\d{1,10}");
    private static final Pattern BLANKS = Pattern.compile("[ \\t\\x0B\\f\\r]+");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n\\s*\\n\\s*(\\n\\s*)+");

    private final NhnXml xml;

    public DialogueEnvelopeReader(NhnXml xml) {
        this.xml = xml;
    }

    /**
     * The envelope's content.
     *
     * @throws EnvelopeRefusedException T01 unreadable, T10 not a MsgHead 1.2 or no Dialogmelding 1.1 in it,
     *                                  T02 against its schemas, E10 without a usable MsgId
     */
    public DialogueEnvelope read(byte[] bytes) {
        Document document = xml.parse(bytes);
        Element root = document.getDocumentElement();
        if (!"MsgHead".equals(root.getLocalName()) || !NhnXml.MSGHEAD.equals(root.getNamespaceURI())) {
            throw new EnvelopeRefusedException(AppRecError.T10, "the root element is " + describe(root)
                    + ", not a Hodemelding 1.2 (MsgHead in " + NhnXml.MSGHEAD + ")");
        }
        Element dialog;
        try {
            dialog = dialogmelding(root);
            dropAttachments(root);
            xml.validate(document);
        } catch (EnvelopeRefusedException refused) {
            throw refused.with(readSoFar(root));
        }
        Element info = child(root, NhnXml.MSGHEAD, "MsgInfo");
        String msgId = text(child(info, NhnXml.MSGHEAD, "MsgId"));
        if (msgId == null || msgId.isBlank() || msgId.length() > 100) {
            throw new EnvelopeRefusedException(AppRecError.E10, "MsgInfo/MsgId is empty or longer than 100 characters")
                    .with(readSoFar(root));
        }
        return new DialogueEnvelope(msgId.strip(), attribute(child(info, NhnXml.MSGHEAD, "Type"), "V"),
                genDate(text(child(info, NhnXml.MSGHEAD, "GenDate"))), conversation(info),
                party(child(info, NhnXml.MSGHEAD, "Sender")), party(child(info, NhnXml.MSGHEAD, "Receiver")),
                patient(child(info, NhnXml.MSGHEAD, "Patient")), notes(dialog));
    }

    /**
     * What a refused envelope's receipt can name, read as far as it goes: MsgId (at most 100 characters), type,
     * GenDate and sender; null when even that fails.
     */
    private static DialogueEnvelope readSoFar(Element root) {
        try {
            Element info = child(root, NhnXml.MSGHEAD, "MsgInfo");
            String msgId = strip(text(child(info, NhnXml.MSGHEAD, "MsgId")));
            LocalDateTime genDate;
            try {
                genDate = genDate(text(child(info, NhnXml.MSGHEAD, "GenDate")));
            } catch (RuntimeException e) {
                genDate = null;
            }
            String type = attribute(child(info, NhnXml.MSGHEAD, "Type"), "V");
            return new DialogueEnvelope(msgId == null || msgId.length() > 100 ? "" : msgId,
                    type == null || type.length() > 100 ? null : type, genDate, null,
                    party(child(info, NhnXml.MSGHEAD, "Sender")), new Party(null, List.of()), null, List.of());
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Element dialogmelding(Element root) {
        String otherVersion = null;
        for (Element document : children(root, NhnXml.MSGHEAD, "Document")) {
            Element content = child(child(document, NhnXml.MSGHEAD, "RefDoc"), NhnXml.MSGHEAD, "Content");
            for (Element element : content == null ? List.<Element>of() : children(content, null, null)) {
                if ("Dialogmelding".equals(element.getLocalName())) {
                    if (NhnXml.DIALOG.equals(element.getNamespaceURI())) {
                        return element;
                    }
                    otherVersion = element.getNamespaceURI();
                }
            }
        }
        throw new EnvelopeRefusedException(AppRecError.T10, otherVersion != null
                ? "the Dialogmelding is of another version (namespace " + otherVersion + "); the hub takes Dialogmelding 1.1 ("
                        + NhnXml.DIALOG + ")"
                : "the envelope carries no Dialogmelding 1.1 (" + NhnXml.DIALOG + ")");
    }

    /**
     * Takes the attachments (documents of MsgType A) out before validation: the hub neither reads nor carries
     * them, and published samples carry attachment containers that break their own schema (a misspelt
     * XMLSchema-instance namespace), which must not cost the note its delivery.
     */
    private static void dropAttachments(Element root) {
        for (Element document : children(root, NhnXml.MSGHEAD, "Document")) {
            Element type = child(child(document, NhnXml.MSGHEAD, "RefDoc"), NhnXml.MSGHEAD, "MsgType");
            if ("A".equals(attribute(type, "V"))) {
                root.removeChild(document);
            }
        }
    }

    private static List<DialogueNote> notes(Element dialog) {
        List<DialogueNote> notes = new ArrayList<>();
        for (Element element : children(dialog, NhnXml.DIALOG, null)) {
            if ("Notat".equals(element.getLocalName())) {
                Element question = child(element, NhnXml.DIALOG, "Foresporsel");
                notes.add(new DialogueNote(question == null ? NoteKind.NOTAT : NoteKind.SVAR,
                        subject(element, "Tema", "TemaKodet"), tidy(text(child(element, NhnXml.DIALOG, "TekstNotatInnhold"))),
                        question == null ? null : questionText(question), date(child(element, NhnXml.DIALOG, "DatoNotat"))));
            } else if ("Foresporsel".equals(element.getLocalName())) {
                notes.add(new DialogueNote(NoteKind.FORESPORSEL, subject(element, "EmneSporsmal", "TypeForesp"),
                        tidy(text(child(element, NhnXml.DIALOG, "Sporsmal"))), null, null));
            }
        }
        if (notes.isEmpty()) {
            throw new EnvelopeRefusedException(AppRecError.T10, "the Dialogmelding holds no Notat and no Foresporsel");
        }
        return notes;
    }

    private static String questionText(Element question) {
        String subject = subject(question, "EmneSporsmal", "TypeForesp");
        String text = tidy(text(child(question, NhnXml.DIALOG, "Sporsmal")));
        return subject == null ? text : text.isEmpty() ? subject : subject + ": " + text;
    }

    private static String subject(Element element, String textName, String codedName) {
        String subject = tidy(text(child(element, NhnXml.DIALOG, textName)));
        if (!subject.isEmpty()) {
            return subject;
        }
        String coded = attribute(child(element, NhnXml.DIALOG, codedName), "DN");
        return coded == null || coded.isBlank() ? null : coded.strip();
    }

    private static ConversationRef conversation(Element info) {
        Element ref = child(info, NhnXml.MSGHEAD, "ConversationRef");
        if (ref == null) {
            return null;
        }
        return new ConversationRef(strip(text(child(ref, NhnXml.MSGHEAD, "RefToParent"))),
                strip(text(child(ref, NhnXml.MSGHEAD, "RefToConversation"))));
    }

    /** The organisation's name and the HER-ids of it and of the organisations nested in it. */
    private static Party party(Element holder) {
        Element organisation = child(holder, NhnXml.MSGHEAD, "Organisation");
        String name = strip(text(child(organisation, NhnXml.MSGHEAD, "OrganisationName")));
        List<Long> herIds = new ArrayList<>();
        for (Element level = organisation; level != null; level = child(level, NhnXml.MSGHEAD, "Organisation")) {
            for (Element ident : children(level, NhnXml.MSGHEAD, "Ident")) {
                String type = attribute(child(ident, NhnXml.MSGHEAD, "TypeId"), "V");
                String id = strip(text(child(ident, NhnXml.MSGHEAD, "Id")));
                if ("HER".equals(type) && id != null && DIGITS.matcher(id).matches()) {
                    herIds.add(Long.parseLong(id));
                }
            }
        }
        return new Party(name, herIds);
    }

    private static String patient(Element patient) {
        for (Element ident : patient == null ? List.<Element>of() : children(patient, NhnXml.MSGHEAD, "Ident")) {
            String type = attribute(child(ident, NhnXml.MSGHEAD, "TypeId"), "V");
            if ("FNR".equals(type) || "DNR".equals(type)) {
                return strip(text(child(ident, NhnXml.MSGHEAD, "Id")));
            }
        }
        return null;
    }

    private static LocalDateTime genDate(String value) {
        String v = strip(value);
        try {
            return OffsetDateTime.parse(v).atZoneSameInstant(HubZone.NORWAY).toLocalDateTime();
        } catch (DateTimeParseException e) {
            return LocalDateTime.parse(v);
        }
    }

    private static LocalDate date(Element element) {
        String v = strip(text(element));
        return v == null ? null : LocalDate.parse(v.length() > 10 ? v.substring(0, 10) : v);
    }

    /** Lines kept, runs of blanks made one space, at most one empty line in a row. */
    static String tidy(String text) {
        if (text == null) {
            return "";
        }
        String lines = BLANKS.matcher(text).replaceAll(" ").lines().map(String::strip)
                .reduce((a, b) -> a + "\n" + b).orElse("");
        return BLANK_LINES.matcher(lines).replaceAll("\n\n").strip();
    }

    private static String describe(Element element) {
        return element.getNamespaceURI() == null ? element.getLocalName() + " (no namespace)"
                : element.getLocalName() + " in " + element.getNamespaceURI();
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }

    private static String text(Element element) {
        return element == null ? null : element.getTextContent();
    }

    private static String attribute(Element element, String name) {
        return element == null || !element.hasAttribute(name) ? null : element.getAttribute(name);
    }

    static Element child(Element parent, String namespace, String name) {
        if (parent == null) {
            return null;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName()) && namespace.equals(e.getNamespaceURI())) {
                return e;
            }
        }
        return null;
    }

    /** Child elements, of a namespace and name when they are given. */
    static List<Element> children(Element parent, String namespace, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && (namespace == null || namespace.equals(e.getNamespaceURI()))
                    && (name == null || name.equals(e.getLocalName()))) {
                found.add(e);
            }
        }
        return found;
    }
}
