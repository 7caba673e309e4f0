package uk.mathshubs.webhooks.domain;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a subscription may send: an https address on the public internet, on port 443. A subscription must not be a way to make
 * the platform call its own services, the cloud's metadata endpoint or anything else inside, so loopback, private,
 * link-local, shared (carrier-grade NAT) and multicast addresses are refused, both when the subscription is made (an
 * address written as such, or a name for this machine) and before every delivery (what the name resolves to then).
 * A developer's machine and the tests may allow local receivers on http ({@code webhooks.allow-local-receivers}).
 */
public final class ReceiverAddress {

    public static final int MAX_LENGTH = 2000;

    private ReceiverAddress() {
    }

    /** Why {@code url} cannot receive webhooks, or empty if it can (as far as can be told without resolving it). */
    public static Optional<String> refusal(String url, boolean allowLocal) {
        if (url.length() > MAX_LENGTH) {
            return Optional.of("must be at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("must be an absolute https URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            return Optional.of("must be an absolute https URL");
        }
        if (scheme.equals("http") && !allowLocal) {
            return Optional.of("must use https");
        }
        if (!allowLocal && uri.getPort() != -1 && uri.getPort() != 443) {
            // The pods may reach the internet on 443 only (deploy/k8s's egress policy): another port would never answer.
            return Optional.of("must use https's own port, 443");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not carry a user name or password (the signature authenticates the sender)");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("must not have a fragment");
        }
        if (!allowLocal && namesThisSideOfTheInternet(uri.getHost())) {
            return Optional.of("must be an address on the public internet");
        }
        return Optional.empty();
    }

    /** Whether every address the host resolves to now is public (checked before each delivery); false if it does not resolve. */
    public static boolean resolvesToPublic(URI uri) {
        try {
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                if (!isPublic(address)) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static boolean namesThisSideOfTheInternet(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        if (name.equals("localhost") || name.endsWith(".localhost") || name.endsWith(".local") || name.endsWith(".internal")
                || name.endsWith(".svc") || name.contains(".svc.cluster.")) {
            return true;
        }
        if (isLiteral(name)) {
            try {
                return !isPublic(InetAddress.getByName(name.startsWith("[") ? name.substring(1, name.length() - 1) : name));
            } catch (UnknownHostException e) {
                return true;
            }
        }
        return false;
    }

    /** An address written as numbers (IPv4, or IPv6 in brackets): resolving it asks no name server. */
    private static boolean isLiteral(String host) {
        return host.startsWith("[") || host.chars().allMatch(c -> Character.isDigit(c) || c == '.');
    }

    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            return first != 0                                   // "this network"
                    && !(first == 100 && second >= 64 && second <= 127) // shared address space (carrier-grade NAT)
                    && !(first == 192 && second == 0 && (bytes[2] & 0xff) == 0) // IETF protocol assignments
                    && !(first == 198 && (second == 18 || second == 19))        // benchmarking
                    && first < 240;                                             // reserved, broadcast
        }
        if (address instanceof Inet6Address) {
            int first = bytes[0] & 0xff;
            if ((first & 0xfe) == 0xfc) {
                return false;                                                   // unique local, fc00::/7
            }
            if (leadingZeroBytes(bytes) >= 12) {
                return false;                                                   // IPv4-compatible, ::/96 (and ::, ::1)
            }
            // Forms that carry an IPv4 address, which decides: mapped (::ffff:0:0/96), NAT64 (64:ff9b::/96), 6to4 (2002::/16).
            if (isMappedV4(bytes) || prefix(bytes, 0x00, 0x64, 0xff, 0x9b) && leadingZeroBytes(java.util.Arrays.copyOfRange(bytes, 4, 12)) == 8) {
                return isPublicV4(java.util.Arrays.copyOfRange(bytes, 12, 16));
            }
            if (prefix(bytes, 0x20, 0x02)) {
                return isPublicV4(java.util.Arrays.copyOfRange(bytes, 2, 6));
            }
            return !prefix(bytes, 0x20, 0x01, 0x00, 0x00);                      // Teredo, 2001::/32: a tunnel to anywhere
        }
        return false;
    }

    private static boolean isPublicV4(byte[] address) {
        try {
            return isPublic(InetAddress.getByAddress(address));
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static boolean prefix(byte[] bytes, int... expected) {
        for (int i = 0; i < expected.length; i++) {
            if ((bytes[i] & 0xff) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static int leadingZeroBytes(byte[] bytes) {
        int zeros = 0;
        while (zeros < bytes.length && bytes[zeros] == 0) {
            zeros++;
        }
        return zeros;
    }

    private static boolean isMappedV4(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
    }
}
