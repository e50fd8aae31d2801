package no.ipshub.routes.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;
import org.springframework.core.env.Environment;

/**
 * The name of this hub instance among the instances that share a cluster ({@code hub.instance-id}; by default
 * the host name and HTTP port). It must be unique per instance and the same after a restart: Kafka transactional
 * ids are made from it, so a restarted instance aborts what its killed predecessor left open at once instead of
 * making readers wait for the transaction timeout.
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

    /** {@code hub.instance-id} when set, otherwise {@code <host name>-<server.port>}. */
    public static InstanceIdentity from(Environment environment) {
        String configured = environment.getProperty("hub.instance-id", "").strip();
        if (!configured.isEmpty()) {
            return new InstanceIdentity(configured);
        }
        String port = environment.getProperty("server.port", "8080");
        return new InstanceIdentity(sanitise(hostName()) + "-" + sanitise(port));
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
        return cleaned.length() > 80 ? cleaned.substring(0, 80) : cleaned;
    }
}
