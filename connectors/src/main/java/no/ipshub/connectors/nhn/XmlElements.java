package no.ipshub.connectors.nhn;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** The two element shapes the envelopes and receipts the hub writes are made of. */
final class XmlElements {

    private XmlElements() {
    }

    /** A coded value, {@code <name V="value" DN="text"/>}; the text is left out when null. */
    static void coded(XMLStreamWriter w, String name, String value, String text) throws XMLStreamException {
        w.writeEmptyElement(name);
        w.writeAttribute("V", value);
        if (text != null) {
            w.writeAttribute("DN", text);
        }
    }

    /** An element holding text only. */
    static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(text);
        w.writeEndElement();
    }
}
