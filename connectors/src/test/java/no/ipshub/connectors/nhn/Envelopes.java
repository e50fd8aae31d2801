package no.ipshub.connectors.nhn;

import java.nio.charset.StandardCharsets;

/**
 * Envelopes for the tests, made from the first message of the walk-through in docs/norsk-helsenett.md
 * ({@code classpath:nhn/samples/first-message-haukeland-to-nav-bergenhus.xml}): Haukeland's IPS team (HER-id 990011 in
 * organisation 990001) writes to NAV Bergenhus (HER-id 990021) through the hub (HER-id 990099).
 */
final class Envelopes {

    static final String FIRST_MESSAGE = "first-message-haukeland-to-nav-bergenhus.xml";
    static final String TEMPLATE_MSG_ID = "6b1d3c2a-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    static final long TEAM_HER_ID = 990011;
    static final long TEAM_ORGANISATION_HER_ID = 990001;
    static final long NAV_OFFICE_HER_ID = 990021;
    static final long HUB_HER_ID = 990099;
    static final String NOTE_TEXT = "Pasienten ønsker å prøve seg i arbeid og er klar for IPS.";

    private Envelopes() {
    }

    static String template() {
        return new String(NhnSamplesAccess.bytes("nhn/samples/" + FIRST_MESSAGE), StandardCharsets.UTF_8);
    }

    /** The first message of a new conversation, with this MsgId. */
    static String first(String msgId) {
        return template().replace(TEMPLATE_MSG_ID, msgId);
    }

    /** A message continuing the conversation that {@code conversation} started, replying to {@code parent}. */
    static String reply(String msgId, String parent, String conversation) {
        return first(msgId).replace("</MsgId>", "</MsgId>\n    <ConversationRef><RefToParent>" + parent
                + "</RefToParent><RefToConversation>" + conversation + "</RefToConversation></ConversationRef>");
    }

    static byte[] bytes(String xml) {
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    /** Reads a test resource. */
    private static final class NhnSamplesAccess {
        static byte[] bytes(String resource) {
            try (var in = Envelopes.class.getClassLoader().getResourceAsStream(resource)) {
                return in.readAllBytes();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
