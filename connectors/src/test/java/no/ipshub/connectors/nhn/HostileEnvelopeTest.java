package no.ipshub.connectors.nhn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile envelopes: whatever the bytes, reading them ends in a readable envelope or a refusal with a standard
 * code, never in another exception, and nothing outside the hub is ever read or fetched. A local HTTP server
 * stands for the attacker's: every test that points an entity, a schema or an XInclude at it checks that it got
 * no request.
 */
class HostileEnvelopeTest {

    private static final DialogueEnvelopeReader READER = new DialogueEnvelopeReader(new NhnXml());
    private static final String SAMPLE = NhnSamples.text(NhnSamples.DIALOGMELDING_NOTAT);

    private HttpServer attacker;
    private final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void startAttackersServer() throws IOException {
        attacker = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        attacker.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = "<!ENTITY leak 'fetched'>".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        attacker.start();
    }

    @AfterEach
    void stopAttackersServer() {
        attacker.stop(0);
    }

    private String attackerUrl() {
        return "http://127.0.0.1:" + attacker.getAddress().getPort() + "/evil";
    }

    private static AppRecError codeOf(String xml) {
        EnvelopeRefusedException refused = catchThrowableOfType(EnvelopeRefusedException.class,
                () -> READER.read(xml.getBytes(StandardCharsets.UTF_8)));
        assertThat(refused).as("refused").isNotNull();
        return refused.errors().get(0).code();
    }

    /** The sample with a document type declaration inserted after the XML declaration. */
    private static String withDoctype(String doctype) {
        int afterDeclaration = SAMPLE.indexOf("?>") + 2;
        return SAMPLE.substring(0, afterDeclaration) + "\n" + doctype + SAMPLE.substring(afterDeclaration);
    }

    @Test
    void notWellFormedXmlIsRefusedAsUnreadable() {
        assertThat(codeOf(SAMPLE.substring(0, SAMPLE.length() / 2))).isEqualTo(AppRecError.T01);
    }

    @Test
    void billionLaughsIsRefusedBeforeAnyEntityIsExpanded() {
        StringBuilder doctype = new StringBuilder("<!DOCTYPE MsgHead [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            doctype.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        doctype.append("]>");
        String bomb = withDoctype(doctype.toString()).replace("EKG tatt i dag</Tema>", "&lol9;</Tema>");

        assertThat(codeOf(bomb)).isEqualTo(AppRecError.T01);
    }

    @Test
    void anExternalEntityNamingALocalFileIsNeverRead(@TempDir Path dir) throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOPSECRET-4711");
        String xxe = withDoctype("<!DOCTYPE MsgHead [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>")
                .replace("EKG tatt i dag</Tema>", "&xxe;</Tema>");

        EnvelopeRefusedException refused = catchThrowableOfType(EnvelopeRefusedException.class,
                () -> READER.read(xxe.getBytes(StandardCharsets.UTF_8)));

        assertThat(refused.errors()).allSatisfy(e -> assertThat(e.detail()).doesNotContain("TOPSECRET"))
                .extracting(ReceiptError::code).containsExactly(AppRecError.T01);
    }

    @Test
    void anExternalEntityOnTheNetworkIsNeverFetched() {
        String xxe = withDoctype("<!DOCTYPE MsgHead [<!ENTITY xxe SYSTEM \"" + attackerUrl() + "\">]>")
                .replace("EKG tatt i dag</Tema>", "&xxe;</Tema>");

        assertThat(codeOf(xxe)).isEqualTo(AppRecError.T01);
        assertThat(requests).hasValue(0);
    }

    @Test
    void anExternalParameterEntityIsNeverFetched() {
        String xxe = withDoctype("<!DOCTYPE MsgHead [<!ENTITY % remote SYSTEM \"" + attackerUrl() + "\"> %remote;]>");

        assertThat(codeOf(xxe)).isEqualTo(AppRecError.T01);
        assertThat(requests).hasValue(0);
    }

    @Test
    void anExternalDtdIsNeverFetched() {
        assertThat(codeOf(withDoctype("<!DOCTYPE MsgHead SYSTEM \"" + attackerUrl() + "\">"))).isEqualTo(AppRecError.T01);
        assertThat(requests).hasValue(0);
    }

    @Test
    void aSchemaLocationHintIsNeverFetched() {
        String hinted = SAMPLE.replace("http://www.kith.no/xmlstds/msghead/2006-05-24 MsgHead-v1_2.xsd",
                "http://www.kith.no/xmlstds/msghead/2006-05-24 " + attackerUrl());

        READER.read(hinted.getBytes(StandardCharsets.UTF_8));

        assertThat(requests).hasValue(0);
    }

    @Test
    void anXIncludeIsNeverFollowed() {
        String include = SAMPLE.replace("<Tema>EKG tatt i dag</Tema>",
                "<Tema>EKG tatt i dag</Tema><xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\""
                        + attackerUrl() + "\" parse=\"text\"/>");

        assertThat(codeOf(include)).isEqualTo(AppRecError.T02);
        assertThat(requests).hasValue(0);
    }

    @Test
    void aRootInAnotherNamespaceIsRefusedAsAnUnsupportedFormat() {
        String other = SAMPLE.replace("<MsgHead xmlns=\"http://www.kith.no/xmlstds/msghead/2006-05-24\"",
                "<MsgHead xmlns=\"http://www.kith.no/xmlstds/msghead/2099-01-01\"");

        assertThat(codeOf(other)).isEqualTo(AppRecError.T10);
    }

    @Test
    void aDialogmeldingOfVersion10IsRefusedAsAnUnsupportedFormat() {
        String older = SAMPLE.replace("xmlstds/dialog/2013-01-23", "xmlstds/dialog/2006-10-11");

        assertThat(codeOf(older)).isEqualTo(AppRecError.T10);
    }

    @Test
    void anEnvelopeWithoutItsRequiredMsgIdFailsItsSchema() {
        String broken = SAMPLE.replaceFirst("<MsgId>[^<]*</MsgId>", "");

        assertThat(codeOf(broken)).isEqualTo(AppRecError.T02);
    }

    @Test
    void aNoteWithoutItsCodedSubjectFailsTheDialogmeldingSchema() {
        String broken = SAMPLE.replaceFirst("<TemaKodet [^>]*/>", "");

        assertThat(codeOf(broken)).isEqualTo(AppRecError.T02);
    }

    @Test
    void anEnvelopeFailingItsSchemaStillNamesItsMsgIdAndSenderForItsReceipt() {
        String broken = SAMPLE.replaceFirst("<TemaKodet [^>]*/>", "");

        EnvelopeRefusedException refused = catchThrowableOfType(EnvelopeRefusedException.class,
                () -> READER.read(broken.getBytes(StandardCharsets.UTF_8)));

        assertThat(refused.readSoFar()).extracting(DialogueEnvelope::msgId, e -> e.sender().herIds())
                .containsExactly("de1a95c0-4d0c-11e7-9598-0800200c9a66", java.util.List.of(56704L));
    }

    @Test
    void elementsNestedDeeperThanTheBoundAreRefusedAsUnreadable() {
        String deep = "<a>".repeat(NhnXml.MAX_ELEMENT_DEPTH + 10) + "</a>".repeat(NhnXml.MAX_ELEMENT_DEPTH + 10);

        assertThat(codeOf(deep)).isEqualTo(AppRecError.T01);
    }

    /*
     * Generated hostile envelopes: the sample cut, bytes flipped, markup and declarations spliced in at random
     * places, thousands of times with fixed seeds. Each ends in an envelope or a refusal with a standard code.
     */
    @Test
    void generatedHostileEnvelopesEndInAnEnvelopeOrAStandardRefusal() {
        String[] splices = {"<!DOCTYPE x [<!ENTITY e SYSTEM \"" + attackerUrl() + "\">]>", "&e;", "<![CDATA[", "]]>",
            "<?xml version=\"1.0\"?>", "<Notat>", "</MsgInfo>", "\u0000", "\uFFFE", "&#0;", "&#x110000;", "<!--",
            "<x xmlns:a=\"urn:a\" a:b=\"1\" a:b=\"2\"/>", "<!ENTITY % p \"x\">", "\"'<>&", "\uD800"};
        for (long seed = 0; seed < 3000; seed++) {
            Random random = new Random(seed);
            byte[] bytes = mutate(SAMPLE, splices, random);
            try {
                DialogueEnvelope envelope = READER.read(bytes);
                assertThat(envelope.msgId()).as("seed %d", seed).isNotBlank();
            } catch (EnvelopeRefusedException refused) {
                assertThat(refused.errors()).as("seed %d", seed).isNotEmpty();
            }
        }
        assertThat(requests).hasValue(0);
    }

    private static byte[] mutate(String sample, String[] splices, Random random) {
        StringBuilder text = new StringBuilder(sample);
        int changes = 1 + random.nextInt(4);
        for (int i = 0; i < changes; i++) {
            int at = random.nextInt(text.length());
            switch (random.nextInt(4)) {
                case 0 -> text.setLength(at);
                case 1 -> text.insert(at, splices[random.nextInt(splices.length)]);
                case 2 -> text.insert(Math.min(text.length(), sample.indexOf("?>") + 2), splices[random.nextInt(2)]);
                default -> text.deleteCharAt(at);
            }
            if (text.isEmpty()) {
                text.append('<');
            }
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        if (random.nextInt(5) == 0) {
            bytes[random.nextInt(bytes.length)] ^= (byte) (1 + random.nextInt(255));
        }
        return bytes;
    }

    @Test
    void emptyBytesAreRefusedAsUnreadable() {
        assertThatThrownBy(() -> READER.read(new byte[0])).isInstanceOf(EnvelopeRefusedException.class);
    }
}
