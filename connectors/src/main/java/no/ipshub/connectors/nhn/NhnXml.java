package no.ipshub.connectors.nhn;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.Source;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.Document;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads envelopes and receipts safely and checks them against the published schemas kept in the project
 * ({@code classpath:nhn/xsd/}). Document type declarations are refused outright, so no entity can be defined, let
 * alone expanded or fetched: an XML bomb and external entities (XXE) fail as not well-formed. Nothing is ever
 * fetched from the network: a schema import is answered from the class path by its namespace, or not at all.
 */
public final class NhnXml {

    /** Hodemelding (MsgHead) 1.2. */
    public static final String MSGHEAD = "http://www.kith.no/xmlstds/msghead/2006-05-24";
    /** Dialogmelding 1.1. */
    public static final String DIALOG = "http://www.kith.no/xmlstds/dialog/2013-01-23";
    /** Application receipt 1.1. */
    public static final String APPREC_1_1 = "http://www.kith.no/xmlstds/apprec/2012-02-15";
    /** Application receipt 1.0. */
    public static final String APPREC_1_0 = "http://www.kith.no/xmlstds/apprec/2004-11-21";
    /** Felleskomponent 1, used inside Dialogmelding 1.1. */
    public static final String FK1 = "http://www.kith.no/xmlstds/felleskomponent1";
    /** Base64Container, the attachments of an envelope. */
    public static final String BASE64 = "http://www.kith.no/xmlstds/base64container";

    /** The deepest element nesting read; the published messages need about 15. */
    static final int MAX_ELEMENT_DEPTH = 64;
    /** At most this many schema violations are named in a receipt. */
    static final int MAX_VIOLATIONS = 10;

    private static final String XSD = "nhn/xsd/";
    /** Schema files by the namespace they declare; imports are answered from here only. */
    private static final Map<String, String> FILES = Map.of(
            MSGHEAD, "MsgHead-v1_2.xsd",
            DIALOG, "dialogmelding-v1.1.xsd",
            APPREC_1_1, "apprec-v1.1.xsd",
            APPREC_1_0, "apprec-v1.0.xsd",
            FK1, "felleskomponent1.xsd",
            BASE64, "kith-base64.xsd",
            "http://www.kith.no/xmlstds", "kith.xsd",
            "http://www.w3.org/2000/09/xmldsig#", "xmldsig-core-schema.xsd");

    private final DocumentBuilderFactory documents;
    private final Schema schema;

    public NhnXml() {
        this.documents = documentFactory();
        this.schema = loadSchema();
    }

    /**
     * Parses the bytes as a namespace-aware DOM.
     *
     * @throws EnvelopeRefusedException T01 when they are not well-formed XML, declare a document type or nest
     *                                  deeper than {@value #MAX_ELEMENT_DEPTH} elements
     */
    public Document parse(byte[] bytes) {
        try {
            DocumentBuilder builder = documents.newDocumentBuilder();
            builder.setErrorHandler(THROWING);
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entities are not read");
            });
            return builder.parse(new InputSource(new ByteArrayInputStream(bytes)));
        } catch (SAXParseException e) {
            throw new EnvelopeRefusedException(AppRecError.T01, "not well-formed XML at line " + e.getLineNumber()
                    + ", column " + e.getColumnNumber() + ": " + reason(e));
        } catch (SAXException | IOException e) {
            throw new EnvelopeRefusedException(AppRecError.T01, "not readable as XML: " + reason(e));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser cannot be configured safely", e);
        }
    }

    /**
     * Checks the document against the schemas of MsgHead 1.2, Dialogmelding 1.1, Base64Container and AppRec 1.0
     * and 1.1 (each element by its namespace; content of another namespace is a violation).
     *
     * @throws EnvelopeRefusedException T02 naming up to {@value #MAX_VIOLATIONS} violations
     */
    public void validate(Document document) {
        List<ReceiptError> violations = new ArrayList<>();
        ErrorHandler collect = new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
                // warnings do not make a message invalid
            }

            @Override
            public void error(SAXParseException e) {
                if (violations.size() < MAX_VIOLATIONS) {
                    violations.add(new ReceiptError(AppRecError.T02, "does not validate against its schema: "
                            + reason(e)));
                }
            }

            @Override
            public void fatalError(SAXParseException e) throws SAXException {
                error(e);
                throw e;
            }
        };
        try {
            Validator validator = schema.newValidator();
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.setErrorHandler(collect);
            validator.validate(new DOMSource(document));
        } catch (SAXException e) {
            if (violations.isEmpty()) {
                violations.add(new ReceiptError(AppRecError.T02, "does not validate against its schema: " + reason(e)));
            }
        } catch (IOException e) {
            throw new IllegalStateException("validating a document in memory failed", e);
        }
        if (!violations.isEmpty()) {
            throw new EnvelopeRefusedException(violations);
        }
    }

    /**
     * The parser's message without the text of the document: Xerces quotes element names and, for some
     * errors, values; values are cut off at the first quote of a value, so no personal value reaches a receipt.
     */
    private static String reason(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int value = message.indexOf("Value '");
        if (value >= 0) {
            message = message.substring(0, value) + "a value" + afterQuotedValue(message, value + 7);
        }
        return message.length() <= 300 ? message : message.substring(0, 300);
    }

    private static String afterQuotedValue(String message, int start) {
        int end = message.indexOf("' ", start);
        return end < 0 ? "" : message.substring(end + 1);
    }

    private static DocumentBuilderFactory documentFactory() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        try {
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setAttribute("jdk.xml.maxElementDepth", Integer.toString(MAX_ELEMENT_DEPTH));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser cannot be configured safely", e);
        }
        return factory;
    }

    private static Schema loadSchema() {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setResourceResolver(CLASS_PATH);
            Source[] sources = List.of(MSGHEAD, DIALOG, BASE64, APPREC_1_1, APPREC_1_0).stream()
                    .map(NhnXml::source).toArray(Source[]::new);
            return factory.newSchema(sources);
        } catch (SAXException e) {
            throw new IllegalStateException("the schemas under classpath:" + XSD + " cannot be loaded", e);
        }
    }

    private static Source source(String namespace) {
        String file = FILES.get(namespace);
        InputStream in = NhnXml.class.getClassLoader().getResourceAsStream(XSD + file);
        if (in == null) {
            throw new IllegalStateException("classpath:" + XSD + file + " is missing");
        }
        return new StreamSource(in, file);
    }

    /** Answers a schema import from the class path by its namespace; anything else is not found. */
    private static final LSResourceResolver CLASS_PATH = (type, namespace, publicId, systemId, baseUri) -> {
        String file = namespace == null ? null : FILES.get(namespace);
        InputStream in = file == null ? null : NhnXml.class.getClassLoader().getResourceAsStream(XSD + file);
        return in == null ? new ClassPathInput(null, new StringReader(""), systemId) : new ClassPathInput(in, null, file);
    };

    private static final ErrorHandler THROWING = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
            // a warning does not stop parsing
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    /** A schema file from the class path, or an empty one for an import the hub does not have. */
    private record ClassPathInput(InputStream byteStream, Reader characterStream, String systemId) implements LSInput {

        @Override
        public Reader getCharacterStream() {
            return characterStream;
        }

        @Override
        public void setCharacterStream(Reader reader) {
            throw new UnsupportedOperationException();
        }

        @Override
        public InputStream getByteStream() {
            return byteStream;
        }

        @Override
        public void setByteStream(InputStream stream) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String getStringData() {
            return null;
        }

        @Override
        public void setStringData(String data) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String getSystemId() {
            return systemId;
        }

        @Override
        public void setSystemId(String id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String getPublicId() {
            return null;
        }

        @Override
        public void setPublicId(String id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String getBaseURI() {
            return null;
        }

        @Override
        public void setBaseURI(String uri) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String getEncoding() {
            return null;
        }

        @Override
        public void setEncoding(String encoding) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean getCertifiedText() {
            return false;
        }

        @Override
        public void setCertifiedText(boolean certified) {
            throw new UnsupportedOperationException();
        }
    }
}
