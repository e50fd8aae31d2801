package no.ipshub.connectors.nhn;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Reads an application receipt, AppRec 1.0 or 1.1, safely and checked against its schema. */
public final class AppRecReader {

    private final NhnXml xml;

    public AppRecReader(NhnXml xml) {
        this.xml = xml;
    }

    /**
     * The receipt's status, errors and the MsgId it answers.
     *
     * @throws EnvelopeRefusedException when it is not a valid AppRec 1.0 or 1.1
     */
    public AppRec read(byte[] bytes) {
        Document document = xml.parse(bytes);
        Element root = document.getDocumentElement();
        String ns = root.getNamespaceURI();
        if (!"AppRec".equals(root.getLocalName()) || !(NhnXml.APPREC_1_1.equals(ns) || NhnXml.APPREC_1_0.equals(ns))) {
            throw new EnvelopeRefusedException(AppRecError.T10, "not an application receipt 1.0 or 1.1");
        }
        xml.validate(document);
        List<ReceiptError> errors = new ArrayList<>();
        for (Element error : DialogueEnvelopeReader.children(root, ns, "Error")) {
            errors.add(new ReceiptError(code(error.getAttribute("V")), describe(error)));
        }
        Element status = DialogueEnvelopeReader.child(root, ns, "Status");
        Element original = DialogueEnvelopeReader.child(root, ns, "OriginalMsgId");
        Element id = DialogueEnvelopeReader.child(original, ns, "Id");
        return new AppRec(AppRec.Status.ofCode(status.getAttribute("V")), errors,
                id == null ? "" : id.getTextContent().strip());
    }

    private static AppRecError code(String value) {
        for (AppRecError code : AppRecError.values()) {
            if (code.name().equals(value)) {
                return code;
            }
        }
        return AppRecError.X99;
    }

    /** The receiver's texts as it sent them; a code the hub does not know is kept in front of them. */
    private static String describe(Element error) {
        List<String> parts = new ArrayList<>();
        String code = error.getAttribute("V");
        if (code(code) == AppRecError.X99 && !"X99".equals(code)) {
            parts.add(code);
        }
        for (String attribute : List.of("DN", "OT")) {
            if (error.hasAttribute(attribute) && !error.getAttribute(attribute).isBlank()) {
                parts.add(error.getAttribute(attribute).strip());
            }
        }
        return parts.isEmpty() ? code(code).text() : String.join(" ", parts);
    }
}
