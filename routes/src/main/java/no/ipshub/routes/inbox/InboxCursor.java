package no.ipshub.routes.inbox;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Where a partner stands in its inbox: opaque to the partner, valid on any instance and after restarts, since it
 * is made of positions in the partner's inbox topic. Two forms are read:
 *
 * <ul>
 *   <li>{@code i<base64url>}: format version 1, the number of partitions, then per partition its number and the
 *       offset of the next message to read (partitions absent are read from their beginning); a cursor whose
 *       offset lies before what the topic still holds (older than the inbox retention) is expired;</li>
 *   <li>a whole number: a cursor handed out by earlier hub versions, which kept inboxes in the database. It
 *       resumes after that message among the inbox rows kept from then ({@link LegacyInbox}), and continues on
 *       the topic where those rows end. {@code 0} is the start of the inbox.</li>
 * </ul>
 */
public final class InboxCursor {

    private static final String PREFIX = "i";
    private static final byte VERSION = 1;
    private static final Pattern WHOLE_NUMBER = Pattern.compile("\\d{1,18}");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final Long legacySeq;
    private final Map<Integer, Long> offsets;

    private InboxCursor(Long legacySeq, Map<Integer, Long> offsets) {
        this.legacySeq = legacySeq;
        this.offsets = offsets;
    }

    /** The start of the inbox. */
    public static InboxCursor start() {
        return new InboxCursor(0L, Map.of());
    }

    /** A cursor at these next offsets, by partition. */
    public static InboxCursor at(Map<Integer, Long> offsets) {
        return new InboxCursor(null, Map.copyOf(offsets));
    }

    /**
     * Reads a cursor as a partner sends it back; blank means the start.
     *
     * @throws IllegalArgumentException when it is neither form
     */
    public static InboxCursor parse(String text) {
        if (text == null || text.isBlank()) {
            return start();
        }
        String cursor = text.strip();
        if (WHOLE_NUMBER.matcher(cursor).matches()) {
            return new InboxCursor(Long.parseLong(cursor), Map.of());
        }
        if (!cursor.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not an inbox cursor");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(DECODER.decode(cursor.substring(1))))) {
            if (in.readByte() != VERSION) {
                throw new IllegalArgumentException("not an inbox cursor of this hub");
            }
            int count = in.readUnsignedShort();
            Map<Integer, Long> offsets = new TreeMap<>();
            for (int i = 0; i < count; i++) {
                int partition = in.readUnsignedShort();
                long offset = in.readLong();
                if (offset < 0) {
                    throw new IllegalArgumentException("not an inbox cursor");
                }
                offsets.put(partition, offset);
            }
            if (in.available() > 0) {
                throw new IllegalArgumentException("not an inbox cursor");
            }
            return new InboxCursor(null, offsets);
        } catch (IOException e) {
            throw new IllegalArgumentException("not an inbox cursor", e);
        }
    }

    /** True for a cursor of an earlier hub version (a whole number). */
    public boolean isLegacy() {
        return legacySeq != null;
    }

    /** The earlier version's inbox position; only for a legacy cursor. */
    public long legacySeq() {
        return legacySeq;
    }

    /** The next offset to read per partition; partitions absent start at their beginning. */
    public Map<Integer, Long> offsets() {
        return offsets;
    }

    /**
     * Refuses a cursor that no page of this inbox can have handed out: one naming a partition the topic does not
     * have, or a position past a partition's end (read a moment ago; ends only grow).
     *
     * @param end the end of each partition of the inbox topic (for committed records)
     * @throws InvalidInboxCursorException naming the first partition that does not fit
     */
    public void requireWithin(Map<Integer, Long> end) {
        for (Map.Entry<Integer, Long> e : new TreeMap<>(offsets).entrySet()) {
            Long last = end.get(e.getKey());
            if (last == null) {
                throw new InvalidInboxCursorException("names partition " + e.getKey()
                        + ", which this inbox does not have (it has " + end.size() + ")");
            }
            if (e.getValue() > last) {
                throw new InvalidInboxCursorException("points past the end of partition " + e.getKey());
            }
        }
    }

    /** This cursor without the partitions it does not fit: those the topic does not have or whose end it is past. */
    public InboxCursor fittedTo(Map<Integer, Long> end) {
        Map<Integer, Long> fitting = new TreeMap<>();
        offsets.forEach((partition, offset) -> {
            Long last = end.get(partition);
            if (last != null && offset <= last) {
                fitting.put(partition, offset);
            }
        });
        return new InboxCursor(null, fitting);
    }

    /**
     * This cursor moved forward, on every partition where it lies before the earliest record the topic still
     * holds, to that record: the earliest valid cursor that reads nothing twice.
     *
     * @param logStart the earliest offset still held, per partition
     */
    public InboxCursor notBefore(Map<Integer, Long> logStart) {
        Map<Integer, Long> moved = new TreeMap<>(offsets);
        moved.replaceAll((partition, offset) -> Math.max(offset, logStart.getOrDefault(partition, 0L)));
        return new InboxCursor(null, moved);
    }

    /** True when, on some partition, records after this cursor are no longer held (see {@link #notBefore}). */
    public boolean isBefore(Map<Integer, Long> logStart) {
        return offsets.entrySet().stream().anyMatch(e -> e.getValue() < logStart.getOrDefault(e.getKey(), 0L));
    }

    /** The text a partner gets. */
    public String encode() {
        if (legacySeq != null) {
            return Long.toString(legacySeq);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4 + offsets.size() * 10);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeShort(offsets.size());
            for (Map.Entry<Integer, Long> e : new TreeMap<>(offsets).entrySet()) {
                out.writeShort(e.getKey());
                out.writeLong(e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return PREFIX + ENCODER.encodeToString(bytes.toByteArray());
    }

    @Override
    public String toString() {
        return encode();
    }
}
