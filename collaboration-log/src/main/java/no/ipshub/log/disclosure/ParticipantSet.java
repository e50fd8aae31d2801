package no.ipshub.log.disclosure;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;

/**
 * The participants behind a published value, as the differencing check keeps them: sorted 64-bit hashes of the
 * pseudonymous participant keys (the keys themselves are not stored again), and a fingerprint of the whole set.
 */
final class ParticipantSet {

    private final long[] members;
    private final String fingerprint;

    private ParticipantSet(long[] members) {
        this.members = members;
        this.fingerprint = fingerprint(members);
    }

    static ParticipantSet of(Collection<String> participantKeys) {
        long[] hashes = participantKeys.stream().mapToLong(ParticipantSet::hash).sorted().distinct().toArray();
        return new ParticipantSet(hashes);
    }

    static ParticipantSet fromBytes(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        long[] members = new long[bytes.length / Long.BYTES];
        for (int i = 0; i < members.length; i++) {
            members[i] = buffer.getLong();
        }
        return new ParticipantSet(members);
    }

    byte[] toBytes() {
        ByteBuffer buffer = ByteBuffer.allocate(members.length * Long.BYTES);
        for (long m : members) {
            buffer.putLong(m);
        }
        return buffer.array();
    }

    int size() {
        return members.length;
    }

    /** The sorted 64-bit hashes of the participants; not to be changed. */
    long[] members() {
        return members;
    }

    String fingerprint() {
        return fingerprint;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParticipantSet p && Arrays.equals(members, p.members);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(members);
    }

    private static long hash(String participantKey) {
        return ByteBuffer.wrap(sha256(participantKey.getBytes(StandardCharsets.UTF_8))).getLong();
    }

    private static String fingerprint(long[] members) {
        ByteBuffer buffer = ByteBuffer.allocate(members.length * Long.BYTES);
        for (long m : members) {
            buffer.putLong(m);
        }
        return HexFormat.of().formatHex(sha256(buffer.array()));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
