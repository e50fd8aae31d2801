package no.ipshub.engine.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.core.env.Environment;

/**
 * The name of this hub instance among the instances that share a cluster. It must be unique per instance and the
 * same after a restart: Kafka transactional ids are made from it, so a restarted instance aborts what its killed
 * predecessor left open at once instead of making readers wait for the transaction timeout. Chosen as:
 * {@code hub.instance-id} when set; otherwise the name kept in {@code <hub.data-dir>/instance-id} (made once, from
 * the host name and a random part); without a data directory, the host name and HTTP port.
 *
 * @param id the instance name, letters, digits, dots, dashes and underscores only
 */
public record InstanceIdentity(String id) {

    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    public InstanceIdentity {
        if (id == null || !ALLOWED.matcher(id).matches()) {
            throw new IllegalArgumentException("hub.instance-id must be 1 to 100 letters, digits, '.', '_' or '-', was " + id);
        }
    }

    /** The instance's name, as the class comment says. */
    public static InstanceIdentity from(Environment environment) {
        String configured = environment.getProperty("hub.instance-id", "").strip();
        if (!configured.isEmpty()) {
            return new InstanceIdentity(configured);
        }
        String dataDir = environment.getProperty("hub.data-dir", "").strip();
        if (!dataDir.isEmpty()) {
            return keptIn(Path.of(dataDir).resolve("instance-id"));
        }
        String port = environment.getProperty("server.port", "8080");
        return new InstanceIdentity(sanitise(hostName()) + "-" + ("0".equals(port) ? randomPart() : sanitise(port)));
    }

    private static InstanceIdentity keptIn(Path file) {
        try {
            if (Files.exists(file)) {
                return new InstanceIdentity(Files.readString(file, StandardCharsets.UTF_8).strip());
            }
            String id = sanitise(hostName()) + "-" + randomPart();
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, id + System.lineSeparator(), StandardCharsets.UTF_8);
            return new InstanceIdentity(id);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or make the instance id in " + file, e);
        }
    }

    private static String randomPart() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    private static String sanitise(String text) {
        String cleaned = text.replaceAll("[^A-Za-z0-9._-]", "_");
        return cleaned.length() > 60 ? cleaned.substring(0, 60) : cleaned;
    }
}
