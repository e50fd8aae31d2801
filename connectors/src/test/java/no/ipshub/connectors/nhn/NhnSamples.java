package no.ipshub.connectors.nhn;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The public sample messages under {@code nhn/samples/} (sources and licences in the NOTICE file). */
final class NhnSamples {

    /** Helsenorge.Messaging's Dialogmelding 1.1 notat with attachments. */
    static final String DIALOGMELDING_NOTAT = "dialogmelding-1.1-notat.xml";
    /** fiks-nhn-client's Dialogmelding 1.1 notat with a PDF attachment. */
    static final String DIALOGMELDING_NOTAT_WITH_ATTACHMENT = "dialogmelding-1.1-notat-with-attachment.xml";

    private NhnSamples() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = NhnSamples.class.getClassLoader().getResourceAsStream("nhn/samples/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }
}
