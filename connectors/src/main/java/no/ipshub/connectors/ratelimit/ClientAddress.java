package no.ipshub.connectors.ratelimit;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The address of the client whose request this thread is serving, as the throttles count it: an IPv4 address
 * as it is, an IPv6 address by its /64 network (one host usually holds a whole /64). Set by
 * {@link EdgeThrottleFilter} for the length of a request; empty outside requests.
 */
public final class ClientAddress {

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private ClientAddress() {
    }

    /** The current request's client address, or null outside a request. */
    public static String current() {
        return CURRENT.get();
    }

    static void set(String remoteAddress) {
        CURRENT.set(normalise(remoteAddress));
    }

    static void clear() {
        CURRENT.remove();
    }

    /** The address as counted: IPv6 cut to its /64, anything unparsable kept as given. Never looks up a name. */
    static String normalise(String remoteAddress) {
        if (remoteAddress == null || remoteAddress.isBlank()) {
            return "unknown";
        }
        if (remoteAddress.indexOf(':') < 0) {
            return remoteAddress;
        }
        try {
            // a literal with ':' is parsed as IPv6 and never sent to DNS
            InetAddress address = InetAddress.getByName(remoteAddress);
            if (address instanceof Inet6Address) {
                byte[] bytes = address.getAddress();
                StringBuilder prefix = new StringBuilder();
                for (int i = 0; i < 8; i += 2) {
                    prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
                }
                return prefix.append(":/64").toString();
            }
            return address.getHostAddress();
        } catch (UnknownHostException e) {
            return remoteAddress;
        }
    }
}
