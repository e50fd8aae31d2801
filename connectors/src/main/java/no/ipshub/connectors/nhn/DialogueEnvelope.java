package no.ipshub.connectors.nhn;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * What the hub reads of a Hodemelding (MsgHead 1.2) with a Dialogmelding 1.1: who sends to whom, in which
 * conversation, about which patient, and the notes, questions and answers it carries. Attachments are not read.
 *
 * @param msgId             the envelope's MsgId
 * @param msgType           MsgInfo/Type, e.g. DIALOG_HELSEFAGLIG
 * @param genDate           when the sender made it (local time in Norway when it names no offset)
 * @param conversation      its place in a conversation; null for the first message of one
 * @param sender            the sending organisation
 * @param receiver          the receiving organisation
 * @param patientNationalId the patient's fødselsnummer or D-nummer; null when the envelope names none
 * @param notes             the notes, questions and answers, at least one (none in what a refusal read so far)
 */
public record DialogueEnvelope(String msgId, String msgType, LocalDateTime genDate, ConversationRef conversation,
        Party sender, Party receiver, String patientNationalId, List<DialogueNote> notes) {

    public DialogueEnvelope {
        notes = List.copyOf(notes);
    }

    /** MsgInfo/ConversationRef: the message replied to and the first message of the conversation. */
    public record ConversationRef(String parent, String conversation) {
    }

    /**
     * An organisation of the envelope, with its sub-organisations.
     *
     * @param name   the outermost organisation's name
     * @param herIds the HER-ids from the outermost organisation inwards (organisation, then department)
     */
    public record Party(String name, List<Long> herIds) {

        public Party {
            herIds = List.copyOf(herIds);
        }

        /** The most specific HER-id (the department's when it names one); null when none. */
        public Long communicationParty() {
            return herIds.isEmpty() ? null : herIds.get(herIds.size() - 1);
        }

        /** The outermost organisation's HER-id; null when none. */
        public Long organisation() {
            return herIds.isEmpty() ? null : herIds.get(0);
        }
    }

    /** What one note is. */
    public enum NoteKind {
        /** A note about the patient (Notat). */
        NOTAT,
        /** A question (Forespørsel). */
        FORESPORSEL,
        /** An answer to a question (Notat carrying the question it answers). */
        SVAR
    }

    /**
     * One note, question or answer.
     *
     * @param kind     which of the three
     * @param subject  its subject (Tema, EmneSporsmal or the coded subject's text); may be null
     * @param text     its text, whitespace tidied; may be empty
     * @param question for an answer, the question answered; null otherwise
     * @param date     DatoNotat when given; null otherwise
     */
    public record DialogueNote(NoteKind kind, String subject, String text, String question, LocalDate date) {
    }
}
