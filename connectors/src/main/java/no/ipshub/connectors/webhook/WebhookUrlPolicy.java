package no.ipshub.connectors.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Which URLs a partner may register and the hub may POST to: absolute {@code https://} URLs with a host, no
 * user info and no fragment, at most {@value #MAX_LENGTH} characters, whose host does not resolve to the hub's
 * own or internal networks (loopback, link-local such as cloud metadata at 169.254.169.254, private,
 * unique-local, carrier-grade NAT, multicast, the unspecified address), so a partner key cannot turn the hub
 * into a probe of its own network. {@code http://} is allowed only for loopback hosts and only when
 * {@code hub.webhooks.allow-insecure-localhost} is on (tests); private addresses only with
 * {@code hub.webhooks.allow-private-addresses}. Checked at registration and again before every attempt, since
 * DNS answers change.
 */
public final class WebhookUrlPolicy {

    /** The longest URL accepted. */
    public static final int MAX_LENGTH = 2048;

    private final boolean allowInsecureLocalhost;
    private final boolean allowPrivateAddresses;
    private final Resolver resolver;

    /** Resolves a host name to its addresses; replaceable so that tests need no DNS. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    public WebhookUrlPolicy(boolean allowInsecureLocalhost, boolean allowPrivateAddresses) {
        this(allowInsecureLocalhost, allowPrivateAddresses, InetAddress::getAllByName);
    }

    public WebhookUrlPolicy(boolean allowInsecureLocalhost, boolean allowPrivateAddresses, Resolver resolver) {
        this.allowInsecureLocalhost = allowInsecureLocalhost;
        this.allowPrivateAddresses = allowPrivateAddresses;
        this.resolver = resolver;
    }

    /** A refused URL: a code for programs and a message for people; neither repeats the URL. */
    public record Refusal(String code, String message) {
    }

    /** Why {@code url} may not be used as a webhook, or empty when it may. */
    public Optional<Refusal> check(String url) {
        if (url == null || url.isBlank()) {
            return refuse("REQUIRED", "is required: the https:// URL the hub should POST inbox messages to");
        }
        if (url.length() > MAX_LENGTH) {
            return refuse("OUT_OF_RANGE", "is longer than " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return refuse("INVALID_FORMAT", "is not a valid URL");
        }
        if (!uri.isAbsolute() || uri.isOpaque() || uri.getHost() == null || uri.getHost().isBlank()) {
            return refuse("INVALID_FORMAT", "must be an absolute URL with a host, e.g. https://partner.example/hub-webhook");
        }
        if (uri.getRawUserInfo() != null) {
            return refuse("INVALID_FORMAT", "must not carry a user name or password");
        }
        if (uri.getRawFragment() != null) {
            return refuse("INVALID_FORMAT", "must not have a fragment (#...)");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return refuse("INSECURE_URL", "must use https");
        }
        String host = uri.getHost();
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            return refuse("UNRESOLVABLE_HOST", "names a host that cannot be resolved");
        }
        boolean allLoopback = addresses.length > 0;
        for (InetAddress address : addresses) {
            allLoopback &= address.isLoopbackAddress();
        }
        if (scheme.equals("http") && !(allowInsecureLocalhost && allLoopback)) {
            return refuse("INSECURE_URL", "must use https");
        }
        for (InetAddress address : addresses) {
            if (address.isLoopbackAddress() ? !allowInsecureLocalhost : isInternal(address) && !allowPrivateAddresses) {
                return refuse("INTERNAL_ADDRESS", "resolves to a loopback, private or link-local address, which the hub "
                        + "does not call");
            }
        }
        return Optional.empty();
    }

    private static boolean isInternal(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            // 100.64.0.0/10 carrier-grade NAT, 0.0.0.0/8, 255.255.255.255
            return (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64 || b[0] == 0 || (b[0] & 0xff) == 255;
        }
        if (address instanceof Inet6Address) {
            // fc00::/7 unique-local; an IPv4-mapped address is judged by its IPv4 part
            if ((b[0] & 0xfe) == 0xfc) {
                return true;
            }
            boolean mapped = b[10] == (byte) 0xff && b[11] == (byte) 0xff;
            for (int i = 0; i < 10 && mapped; i++) {
                mapped = b[i] == 0;
            }
            if (mapped) {
                try {
                    InetAddress v4 = InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
                    return v4.isLoopbackAddress() || isInternal(v4);
                } catch (UnknownHostException e) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Optional<Refusal> refuse(String code, String message) {
        return Optional.of(new Refusal(code, message));
    }
}
