package no.ipshub.engine.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;

/**
 * The bytes of a secret key configured as a setting or a key file (research keys, the webhook secret key): text
 * may be {@code base64:...} or {@code hex:...}, anything else is taken as raw bytes; a missing key file can be
 * made with random bytes, readable by its owner only. Messages name the setting or file, never the key.
 */
public final class KeyMaterial {

    /** Makes the exception the caller refuses a key with; {@code cause} may be null. */
    @FunctionalInterface
    public interface Refusal {
        RuntimeException refuse(String message, Throwable cause);
    }

    private KeyMaterial() {
    }

    /** The key in {@code raw}, decoded when it is {@code base64:} or {@code hex:} text; {@code source} names it. */
    public static byte[] decode(byte[] raw, String source, Refusal refusal) {
        String text = new String(raw, StandardCharsets.UTF_8).strip();
        try {
            if (text.startsWith("base64:")) {
                return Base64.getDecoder().decode(text.substring("base64:".length()).strip());
            }
            if (text.startsWith("hex:")) {
                return HexFormat.of().parseHex(text.substring("hex:".length()).strip());
            }
        } catch (IllegalArgumentException e) {
            // the decoder's message may quote part of the value; name only where it came from
            throw refusal.refuse(source + " is not valid " + text.substring(0, text.indexOf(':')), null);
        }
        return raw;
    }

    /** The contents of the key file named by {@code setting}. */
    public static byte[] read(Path file, String setting, Refusal refusal) {
        if (!Files.isRegularFile(file)) {
            throw refusal.refuse(setting + " " + file + " does not exist or is not a file", null);
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw refusal.refuse(setting + " " + file + " cannot be read: " + e.getClass().getSimpleName(), e);
        }
    }

    /**
     * Makes {@code file} with {@code size} random bytes, readable and writable by its owner only where the file
     * system knows owners. False when another instance made it first: its key is the one to use.
     *
     * @param name what the file is, in the message when it cannot be made
     */
    public static boolean generate(Path file, int size, String name, Refusal refusal) {
        byte[] fresh = new byte[size];
        new SecureRandom().nextBytes(fresh);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (supportsPosix(file)) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(
                        Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)));
            } else {
                Files.createFile(file);
            }
            Files.write(file, fresh);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            throw refusal.refuse("cannot create " + name + " " + file + ": " + e.getClass().getSimpleName(), e);
        } finally {
            Arrays.fill(fresh, (byte) 0);
        }
    }

    /** True when the file system of {@code file}'s folder knows POSIX permissions. */
    public static boolean supportsPosix(Path file) {
        Path folder = file.toAbsolutePath().getParent();
        return folder != null && folder.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
