package no.ipshub.routes.instance;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What an instance says on the heartbeat topic, keyed by its instance id: which process holds the id (a token made
 * at each start), and for people, on which host and with which process id. Written as
 * {@code token=<uuid>;pid=<pid>;host=<host>}.
 *
 * @param token a random token of the process, new at each start
 * @param pid   the holder's process id, -1 when unknown
 * @param host  the holder's host name
 */
public record InstanceHeartbeat(String token, long pid, String host) {

    /** The heartbeat of this process, with a token of its own. */
    static InstanceHeartbeat ofThisProcess() {
        return new InstanceHeartbeat(UUID.randomUUID().toString(), ProcessHandle.current().pid(), hostName());
    }

    byte[] toBytes() {
        return ("token=" + token + ";pid=" + pid + ";host=" + host).getBytes(StandardCharsets.UTF_8);
    }

    /** The heartbeat in the value; one that cannot be read is another process's, holder unknown. */
    static InstanceHeartbeat parse(byte[] value) {
        Map<String, String> fields = new HashMap<>();
        for (String field : new String(value, StandardCharsets.UTF_8).split(";")) {
            int at = field.indexOf('=');
            if (at > 0) {
                fields.put(field.substring(0, at), field.substring(at + 1));
            }
        }
        long pid;
        try {
            pid = Long.parseLong(fields.getOrDefault("pid", "-1"));
        } catch (NumberFormatException e) {
            pid = -1;
        }
        return new InstanceHeartbeat(fields.getOrDefault("token", "unknown"), pid, clean(fields.getOrDefault("host", "unknown")));
    }

    private static String hostName() {
        try {
            return clean(InetAddress.getLocalHost().getHostName());
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }

    private static String clean(String text) {
        String cleaned = text.replaceAll("[^A-Za-z0-9._-]", "_");
        return cleaned.length() > 100 ? cleaned.substring(0, 100) : cleaned;
    }
}
