package no.ipshub.routes.intake;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import no.ipshub.routes.validation.Violation;
import no.ipshub.routes.validation.ViolationCode;

/**
 * The value of a record on the intake reply topic: an {@link IntakeResult} as format version 1, the message id
 * (empty when it had none), the status by name, and each violation's field, code by name and message. Violation
 * messages name rules, never values, so a reply carries no personal data. Every text is cut to
 * {@value #MAX_TEXT} characters and the list to {@value #MAX_VIOLATIONS} violations, so that no answer can be too
 * long to write (a string may take at most 65,535 bytes here, and a message id longer than any valid one would
 * otherwise stop the partition that answers it).
 */
final class IntakeReplyCodec {

    private static final byte VERSION = 1;
    static final int MAX_TEXT = 1000;
    static final int MAX_VIOLATIONS = 200;

    private IntakeReplyCodec() {
    }

    static byte[] encode(IntakeResult result) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeUTF(cut(result.messageId() == null ? "" : result.messageId()));
            out.writeUTF(result.status().name());
            List<Violation> violations = result.violations().subList(0,
                    Math.min(result.violations().size(), MAX_VIOLATIONS));
            out.writeInt(violations.size());
            for (Violation v : violations) {
                out.writeUTF(cut(v.field()));
                out.writeUTF(v.code().name());
                out.writeUTF(cut(v.message()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String cut(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT);
    }

    static IntakeResult decode(byte[] value) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(value))) {
            byte version = in.readByte();
            if (version != VERSION) {
                throw new IllegalArgumentException("unknown intake reply format " + version);
            }
            String messageId = in.readUTF();
            IntakeResult.Status status = IntakeResult.Status.valueOf(in.readUTF());
            int count = in.readInt();
            List<Violation> violations = new ArrayList<>(Math.min(Math.max(count, 0), MAX_VIOLATIONS));
            for (int i = 0; i < count; i++) {
                violations.add(new Violation(in.readUTF(), ViolationCode.valueOf(in.readUTF()), in.readUTF()));
            }
            return new IntakeResult(messageId.isEmpty() ? null : messageId, status, violations);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
