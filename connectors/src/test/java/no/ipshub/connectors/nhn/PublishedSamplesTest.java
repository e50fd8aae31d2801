package no.ipshub.connectors.nhn;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import no.ipshub.connectors.nhn.DialogueEnvelope.NoteKind;
import org.junit.jupiter.api.Test;

/** The published schemas kept in the project take the public sample messages, and the hub reads them. */
class PublishedSamplesTest {

    private static final NhnXml XML = new NhnXml();
    private final DialogueEnvelopeReader envelopes = new DialogueEnvelopeReader(XML);
    private final AppRecReader receipts = new AppRecReader(XML);

    @Test
    void helsenorgeDialogmeldingSampleValidatesAndReadsAsANote() {
        DialogueEnvelope envelope = envelopes.read(NhnSamples.bytes(NhnSamples.DIALOGMELDING_NOTAT));

        assertThat(envelope.notes()).extracting(DialogueEnvelope.DialogueNote::kind, DialogueEnvelope.DialogueNote::subject)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(NoteKind.NOTAT, "EKG tatt i dag"));
    }

    @Test
    void helsenorgeDialogmeldingSampleNamesItsPartiesByHerId() {
        DialogueEnvelope envelope = envelopes.read(NhnSamples.bytes(NhnSamples.DIALOGMELDING_NOTAT));

        assertThat(List.of(envelope.sender().herIds(), envelope.receiver().herIds()))
                .containsExactly(List.of(56704L), List.of(59L, 90998L));
    }

    @Test
    void helsenorgeDialogmeldingSampleCarriesItsConversationReferences() {
        DialogueEnvelope envelope = envelopes.read(NhnSamples.bytes(NhnSamples.DIALOGMELDING_NOTAT));

        assertThat(envelope.conversation()).isEqualTo(new DialogueEnvelope.ConversationRef(
                "d14ea2f3-d796-4d7b-8271-a4480d2b4035", "a14ea2f3-d796-4d7b-8271-a4480d2b4037"));
    }

    @Test
    void fiksDialogmeldingSampleWithAPdfAttachmentValidatesAndReads() {
        DialogueEnvelope envelope = envelopes.read(NhnSamples.bytes(NhnSamples.DIALOGMELDING_NOTAT_WITH_ATTACHMENT));

        assertThat(envelope.notes().get(0).text()).startsWith("Pasienten er henvist til kardiologisk poliklinikk");
    }

    @Test
    void helsenorgeAppRec11SampleReadsAsOk() {
        assertThat(receipts.read(NhnSamples.bytes("apprec-1.1.xml")).status()).isEqualTo(AppRec.Status.OK);
    }

    @Test
    void helsenorgeAppRec10SampleValidatesAndReads() {
        assertThat(receipts.read(NhnSamples.bytes("apprec-1.0.xml")).originalMsgId()).isNotBlank();
    }

    @Test
    void fiksAppRec11OkSampleReadsAsOk() {
        assertThat(receipts.read(NhnSamples.bytes("apprec-1.1-ok.xml")))
                .isEqualTo(AppRec.ok("4c793d90-c41b-11e0-962b-0800200c9a66"));
    }

    @Test
    void fiksAppRec11AvvistSampleReadsWithItsErrorCode() {
        AppRec receipt = receipts.read(NhnSamples.bytes("apprec-1.1-avvist.xml"));

        assertThat(receipt.errors()).extracting(ReceiptError::code).containsExactly(AppRecError.E21);
    }

    @Test
    void aReceivedErrorReadsAsItsCodeAndTheReceiversText() {
        AppRec receipt = receipts.read(NhnSamples.bytes("apprec-1.1-avvist.xml"));

        assertThat(receipt.errorSummary()).isEqualTo("E21 Mottaker finnes ikke");
    }

    @Test
    void theHubsOwnAvvistReceiptValidatesAgainstAppRec11AndReadsBack() {
        AppRecWriter writer = new AppRecWriter(new NhnIdentity(8094866L, "IPS-huben"),
                Clock.fixed(Instant.parse("2025-03-03T09:00:00Z"), ZoneOffset.UTC));
        DialogueEnvelope envelope = envelopes.read(NhnSamples.bytes(NhnSamples.DIALOGMELDING_NOTAT));
        AppRec rejected = AppRec.rejected(envelope.msgId(),
                List.of(new ReceiptError(AppRecError.E35, "no case has conversation <&\"'> in the hub")));

        String xml = writer.write(rejected, AppRecWriter.Original.of(envelope), envelope.sender());

        assertThat(receipts.read(xml.getBytes(StandardCharsets.UTF_8)).errors()).extracting(ReceiptError::code)
                .containsExactly(AppRecError.E35);
    }
}
