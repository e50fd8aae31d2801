package no.ipshub.connectors.nhn;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import no.ipshub.connectors.nhn.DialogueEnvelope.DialogueNote;
import no.ipshub.connectors.nhn.DialogueEnvelope.Party;
import no.ipshub.connectors.nhn.NhnConversationStore.Conversation;
import no.ipshub.partners.Partner;
import no.ipshub.partners.PartnerDirectory;
import no.ipshub.routes.intake.IntakeResult;
import no.ipshub.routes.intake.MessageSubmissions;
import no.ipshub.routes.time.HubZone;
import no.ipshub.routes.validation.MessageIds;
import no.ipshub.routes.validation.Violation;
import no.ipshub.routes.validation.ViolationCode;
import no.ipshub.schemas.v1.FollowUp;
import no.ipshub.schemas.v1.FollowUpKind;
import no.ipshub.schemas.v1.HubMessage;
import no.ipshub.schemas.v1.Referral;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes in one envelope from Norsk helsenett and answers it with an application receipt. The sender is the
 * partner with the sending HER-id; the case is the one of the conversation the envelope continues (looked up by
 * {@code RefToConversation}, then {@code RefToParent}). A first message of a conversation opens a new case with a
 * referral (the patient's national id from the envelope, the sender as team, the partner the receiver's HER-id
 * names as NAV office, no research consent), and the conversation is remembered for that case. The notes become
 * one {@code DIALOGUE_NOTE} follow-up, taken in through {@link MessageSubmissions} exactly as an HTTP message.
 *
 * <p>Nothing of the message's content is logged: logs carry the message id and partners only.
 */
public final class DialogueIntake {

    /** The contract version that has {@code DIALOGUE_NOTE}. */
    static final int SCHEMA_VERSION = 3;
    private static final Pattern UUID_SHAPE = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Logger log = LoggerFactory.getLogger(DialogueIntake.class);

    private final DialogueEnvelopeReader reader;
    private final AppRecWriter receipts;
    private final NhnAddressStore addresses;
    private final NhnConversationStore conversations;
    private final PartnerDirectory partners;
    private final MessageSubmissions intake;
    private final Clock clock;

    public DialogueIntake(DialogueEnvelopeReader reader, AppRecWriter receipts, NhnAddressStore addresses,
            NhnConversationStore conversations, PartnerDirectory partners, MessageSubmissions intake, Clock clock) {
        this.reader = reader;
        this.receipts = receipts;
        this.addresses = addresses;
        this.conversations = conversations;
        this.partners = partners;
        this.intake = intake;
        this.clock = clock;
    }

    /**
     * What became of an envelope.
     *
     * @param receipt    OK or AVVIST; null when {@code forbidden}
     * @param receiptXml the receipt as AppRec 1.1; null when {@code forbidden}
     * @param sender     the sending partner, when it was identified
     * @param forbidden  the envelope's sender is another partner than the caller that posted it
     */
    public record Answer(AppRec receipt, String receiptXml, String sender, boolean forbidden) {
    }

    /**
     * Takes the envelope in.
     *
     * @param bytes  the envelope as received
     * @param caller the partner that posted it over HTTP, which must be its sender; empty for the EDI 2.0 poller
     * @throws no.ipshub.engine.error.TransientFailureException when Kafka, the registry or the instance owning the
     *                                                          case did not answer: no receipt, try again
     */
    public Answer take(byte[] bytes, Optional<Partner> caller) {
        DialogueEnvelope envelope;
        try {
            envelope = reader.read(bytes);
        } catch (EnvelopeRefusedException refused) {
            log.info("Refused an envelope{} on Norsk helsenett's edge: {}", caller.map(p -> " from " + p.id()).orElse(""),
                    refused.errors().get(0).code());
            DialogueEnvelope read = refused.readSoFar();
            return read == null ? avvist("", null, null, caller.map(Partner::id).orElse(null), refused.errors())
                    : avvist(read.msgId(), AppRecWriter.Original.of(read), read.sender(),
                            caller.map(Partner::id).orElse(null), refused.errors());
        }
        Optional<Partner> sender = senderOf(envelope.sender());
        if (sender.isEmpty()) {
            return avvist(envelope, null, List.of(new ReceiptError(AppRecError.X99, "the sender's HER-id "
                    + envelope.sender().herIds() + " is not an active partner of the hub")));
        }
        String from = sender.get().id();
        if (caller.isPresent() && !caller.get().id().equals(from)) {
            log.info("Refused envelope {} posted by {}: its sender's HER-id is partner {}", loggable(envelope),
                    caller.get().id(), from);
            return new Answer(null, null, from, true);
        }
        try {
            return ok(envelope, from);
        } catch (EnvelopeRefusedException refused) {
            log.info("Refused envelope {} from {}: {}", loggable(envelope), from, refused.errors().get(0).code());
            return avvist(envelope, from, refused.errors());
        }
    }

    private Answer ok(DialogueEnvelope envelope, String from) {
        Optional<String> named = recipientNamed(envelope.receiver(), from);
        Conversation conversation;
        if (envelope.conversation() == null) {
            conversation = open(envelope, from, named.orElseThrow(() -> new EnvelopeRefusedException(AppRecError.E21,
                    "the receiver's HER-ids " + envelope.receiver().herIds() + " name no partner of the hub")));
        } else {
            conversation = conversations.find(envelope.conversation().conversation())
                    .or(() -> conversations.find(envelope.conversation().parent()))
                    .orElseThrow(() -> new EnvelopeRefusedException(AppRecError.E35, "no hub case has the conversation"
                            + " of ConversationRef (neither RefToConversation nor RefToParent is known)"));
        }
        String to = named.orElse(from.equals(conversation.nhnPartner()) ? conversation.hubPartner()
                : conversation.nhnPartner());
        submit(note(envelope, conversation.caseId(), from, to));
        log.info("Took in envelope {} from {} to {} as a dialogue note", loggable(envelope), from, to);
        return answer(AppRec.ok(envelope.msgId()), envelope, from);
    }

    /** A first message: a referral opens the case, and the conversation is remembered for it. */
    private Conversation open(DialogueEnvelope envelope, String from, String to) {
        if (envelope.patientNationalId() == null || envelope.patientNationalId().isBlank()) {
            throw new EnvelopeRefusedException(AppRecError.E35, "the first message of a conversation opens a case,"
                    + " which needs the patient's fødselsnummer or D-nummer in MsgInfo/Patient/Ident (TypeId FNR or DNR)");
        }
        String caseId = "nhn-" + derivedId("case", envelope.msgId(), from);
        Instant occurred = occurredAt(envelope);
        HubMessage referral = HubMessage.newBuilder()
                .setMessageId(derivedId("referral", envelope.msgId(), from))
                .setCaseId(caseId)
                .setSender(from)
                .setRecipient(to)
                .setOccurredAt(occurred)
                .setRecordedAt(clock.instant())
                .setSchemaVersion(SCHEMA_VERSION)
                .setPayload(Referral.newBuilder()
                        .setParticipantNationalId(envelope.patientNationalId())
                        .setReferringTeam(from)
                        .setNavOffice(to)
                        .setReferralDate(occurred.atZone(HubZone.NORWAY).toLocalDate())
                        .setResearchConsent(false)
                        .build())
                .build();
        submit(referral);
        Conversation conversation = new Conversation(envelope.msgId(), caseId, from, to);
        conversations.open(conversation, clock.instant());
        return conversation;
    }

    private void submit(HubMessage message) {
        IntakeResult result = intake.submit(message, message.getSender(), false);
        switch (result.status()) {
            case ACCEPTED, DUPLICATE -> {
                // taken in now or before: the receipt is OK either way
            }
            case REJECTED -> throw new EnvelopeRefusedException(errorsOf(result.violations()));
            case FAILED -> throw new EnvelopeRefusedException(AppRecError.X99,
                    "the hub failed on this message; its operators find it among the dead letters");
        }
    }

    private static List<ReceiptError> errorsOf(List<Violation> violations) {
        List<ReceiptError> errors = new ArrayList<>();
        for (Violation v : violations) {
            String detail = v.code() == ViolationCode.NOT_A_CASE_PARTY
                    ? "the sender is not a party to the case of this conversation"
                    : v.code() + ": " + v.field() + " " + v.message();
            errors.add(new ReceiptError(v.code() == ViolationCode.UNKNOWN_PARTNER ? AppRecError.E21 : AppRecError.X99,
                    detail));
        }
        return errors.isEmpty() ? List.of(new ReceiptError(AppRecError.X99, null)) : errors;
    }

    private HubMessage note(DialogueEnvelope envelope, String caseId, String from, String to) {
        LocalDate date = envelope.notes().stream().map(DialogueNote::date).filter(d -> d != null).findFirst()
                .orElse(occurredAt(envelope).atZone(HubZone.NORWAY).toLocalDate());
        String messageId = UUID_SHAPE.matcher(envelope.msgId()).matches() ? envelope.msgId().toLowerCase()
                : derivedId("note", envelope.msgId(), from);
        return HubMessage.newBuilder()
                .setMessageId(messageId)
                .setCaseId(caseId)
                .setSender(from)
                .setRecipient(to)
                .setOccurredAt(occurredAt(envelope))
                .setRecordedAt(clock.instant())
                .setSchemaVersion(SCHEMA_VERSION)
                .setPayload(FollowUp.newBuilder()
                        .setKind(FollowUpKind.DIALOGUE_NOTE)
                        .setDate(date)
                        .setNote(text(envelope.notes()))
                        .build())
                .build();
    }

    /** The notes as one readable text: a heading per note (kind and subject), the question answered, the text. */
    static String text(List<DialogueNote> notes) {
        List<String> parts = new ArrayList<>();
        for (DialogueNote note : notes) {
            StringBuilder part = new StringBuilder(switch (note.kind()) {
                case NOTAT -> "Notat";
                case FORESPORSEL -> "Forespørsel";
                case SVAR -> "Svar";
            });
            if (note.subject() != null) {
                part.append(": ").append(note.subject());
            }
            if (note.question() != null && !note.question().isBlank()) {
                part.append("\nSpørsmål: ").append(note.question());
            }
            if (!note.text().isEmpty()) {
                part.append("\n").append(note.text());
            }
            parts.add(part.toString());
        }
        return String.join("\n\n", parts);
    }

    private Instant occurredAt(DialogueEnvelope envelope) {
        return envelope.genDate().atZone(HubZone.NORWAY).toInstant();
    }

    private Optional<Partner> senderOf(Party sender) {
        List<Long> herIds = sender.herIds();
        for (int i = herIds.size() - 1; i >= 0; i--) {
            Optional<NhnAddress> address = addresses.ofHerId(herIds.get(i));
            if (address.isPresent() && (address.get().organisationHerId() == null
                    || address.get().organisationHerId().equals(sender.organisation()))) {
                return partners.find(address.get().partnerId());
            }
        }
        return Optional.empty();
    }

    /** The partner the receiver's most specific HER-id names, other than the sender. */
    private Optional<String> recipientNamed(Party receiver, String from) {
        List<Long> herIds = receiver.herIds();
        for (int i = herIds.size() - 1; i >= 0; i--) {
            Optional<NhnAddress> address = addresses.ofHerId(herIds.get(i));
            if (address.isPresent() && !address.get().partnerId().equals(from)) {
                return Optional.of(address.get().partnerId());
            }
        }
        return Optional.empty();
    }

    /** A UUID made from the envelope's MsgId and sender, the same every time the envelope comes again. */
    static String derivedId(String purpose, String msgId, String from) {
        return UUID.nameUUIDFromBytes((purpose + "\n" + from + "\n" + msgId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private Answer answer(AppRec receipt, DialogueEnvelope envelope, String from) {
        return new Answer(receipt, receipts.write(receipt, AppRecWriter.Original.of(envelope), envelope.sender()), from,
                false);
    }

    private Answer avvist(DialogueEnvelope envelope, String from, List<ReceiptError> errors) {
        return answer(AppRec.rejected(envelope.msgId(), errors), envelope, from);
    }

    private Answer avvist(String msgId, AppRecWriter.Original original, Party addressedTo, String from,
            List<ReceiptError> errors) {
        AppRec receipt = AppRec.rejected(msgId, errors);
        return new Answer(receipt, receipts.write(receipt, original, addressedTo), from, false);
    }

    private static String loggable(DialogueEnvelope envelope) {
        return MessageIds.loggable(envelope.msgId());
    }
}
