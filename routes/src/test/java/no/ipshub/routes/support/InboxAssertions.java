package no.ipshub.routes.support;

import no.ipshub.routes.inbox.InboxCursor;
import no.ipshub.routes.inbox.InboxReader.InboxItem;
import no.ipshub.routes.inbox.InboxReader.InboxPage;
import no.ipshub.routes.inbox.InboxReader;

/** Looks into a partner's inbox the way the HTTP edge reads it, page by page. */
public final class InboxAssertions {

    private InboxAssertions() {
    }

    /** How many times the message is in the partner's inbox. */
    public static int count(InboxReader inbox, String partner, String messageId) {
        int count = 0;
        InboxCursor cursor = InboxCursor.start();
        while (true) {
            InboxPage page = inbox.read(partner, cursor, InboxReader.MAX_LIMIT);
            if (page.items().isEmpty()) {
                return count;
            }
            for (InboxItem item : page.items()) {
                if (item.message().getMessageId().equals(messageId)) {
                    count++;
                }
            }
            cursor = InboxCursor.parse(page.nextCursor());
        }
    }

    /** True when the message is in the partner's inbox. */
    public static boolean contains(InboxReader inbox, String partner, String messageId) {
        return count(inbox, partner, messageId) > 0;
    }
}
