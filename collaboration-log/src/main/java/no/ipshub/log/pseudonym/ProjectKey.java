package no.ipshub.log.pseudonym;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.regex.Pattern;
import no.ipshub.engine.config.KeyMaterial;
import no.ipshub.log.ResearchProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A research project's id and secret pseudonymisation key. The key comes from {@code hub.research.key} or
 * {@code hub.research.key-file}, must hold at least {@value #MIN_KEY_BYTES} bytes, and is never printed.
 */
public final class ProjectKey {

    /** HMAC-SHA256 keys shorter than the hash output weaken it; 32 bytes is the floor. */
    public static final int MIN_KEY_BYTES = 32;

    private static final Logger log = LoggerFactory.getLogger(ProjectKey.class);
    private static final Pattern PROJECT_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    private final String project;
    private final byte[] key;

    public ProjectKey(String project, byte[] key) {
        if (project == null || !PROJECT_ID.matcher(project).matches()) {
            throw new ResearchKeyException("a research project's code (hub.research.project) must be lower-case "
                    + "letters, digits, '.', '_' or '-' (e.g. ipsnor); the collaboration log cannot start without it");
        }
        if (key == null || key.length < MIN_KEY_BYTES) {
            throw new ResearchKeyException("the research key of project " + project + " has "
                    + (key == null ? 0 : key.length) + " bytes; at least " + MIN_KEY_BYTES
                    + " are needed (e.g. 'openssl rand -out research.key 32' and hub.research.key-file=research.key, or a "
                    + "new project's key of at least 32 bytes)");
        }
        this.project = project;
        this.key = key.clone();
    }

    /**
     * The key configured in {@code hub.research}: {@code key} when set, else the contents of {@code key-file}
     * (created with 32 random bytes first when {@code generate-key-if-missing} is on).
     *
     * @throws ResearchKeyException naming the setting to fix when the key is missing, unreadable or short
     */
    public static ProjectKey from(ResearchProperties properties) {
        return new ProjectKey(properties.project(), material(properties.key(), properties.keyFile(),
                properties.generateKeyIfMissing(), "hub.research.key", "for project " + properties.project()));
    }

    /**
     * Key material from an inline setting or a file: {@code key} when set, else the contents of {@code keyFile}
     * (created with 32 random bytes first when {@code generateIfMissing}). Text may be {@code base64:...} or
     * {@code hex:...}; anything else is taken as raw bytes.
     *
     * @param setting the inline setting's name; the file's is the same with {@code -file}
     * @param purpose what the key is for, in messages
     * @throws ResearchKeyException naming the setting to fix when the key is missing or unreadable
     */
    public static byte[] material(String key, String keyFile, boolean generateIfMissing, String setting, String purpose) {
        boolean hasKey = key != null && !key.isBlank();
        boolean hasFile = keyFile != null && !keyFile.isBlank();
        if (hasKey && hasFile) {
            throw new ResearchKeyException("set either " + setting + " or " + setting + "-file, not both");
        }
        if (hasKey) {
            return decode(key.getBytes(StandardCharsets.UTF_8), setting);
        }
        if (!hasFile) {
            throw new ResearchKeyException("no key: set " + setting + "-file (preferred) or " + setting + " " + purpose);
        }
        Path file = Path.of(keyFile);
        if (!Files.exists(file) && generateIfMissing) {
            generate(file);
        }
        return decode(read(file, setting + "-file"), setting + "-file " + file);
    }

    /** The research project the key belongs to. */
    public String project() {
        return project;
    }

    /** A copy of the key bytes, for building a MAC or sealing the key. */
    public byte[] keyBytes() {
        return key.clone();
    }

    @Override
    public String toString() {
        return "ProjectKey[project=" + project + ", key=<redacted, " + key.length + " bytes>]";
    }

    private static byte[] decode(byte[] raw, String source) {
        return KeyMaterial.decode(raw, source, ResearchKeyException::new);
    }

    private static byte[] read(Path file, String setting) {
        if (Files.isRegularFile(file)) {
            warnIfReadableByOthers(file);
        }
        return KeyMaterial.read(file, setting, ResearchKeyException::new);
    }

    private static void generate(Path file) {
        if (KeyMaterial.generate(file, MIN_KEY_BYTES, "the key file", ResearchKeyException::new)) {
            log.warn("Generated a new research key in {}: what it protects cannot be recovered without it; keep the file "
                    + "safe and out of version control", file);
        }
    }

    private static void warnIfReadableByOthers(Path file) {
        if (!KeyMaterial.supportsPosix(file)) {
            return;
        }
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (permissions.contains(PosixFilePermission.OTHERS_READ)) {
                log.warn("The research key file {} is readable by every user of the machine; restrict it to the hub's user", file);
            }
        } catch (IOException | UnsupportedOperationException e) {
            // permissions are advice here, not a condition to start
        }
    }
}
