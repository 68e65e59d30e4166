package nl.tijdig.kernel;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where Tijdig may send a request it is told to send — a tenant's webhook endpoint, a partner's API — against
 * server-side request forgery: an absolute http(s) URL without
 * credentials, whose host resolves only to public addresses — never loopback, link-local (cloud metadata at
 * 169.254.169.254), private (10/8, 172.16/12, 192.168/16, fc00::/7), shared (100.64/10), multicast, reserved
 * or documentation ranges. Tests and dev may allow loopback and plain http; production does not. Checked when
 * a subscription is saved and again before every delivery (a name may resolve elsewhere later).
 */
public final class PublicTarget {

    public static final int MAX_LENGTH = 2000;

    /** What the installation allows: https only (production), loopback targets (tests and dev only). */
    public record Rules(boolean requireHttps, boolean allowLoopback) {
        public static final Rules PRODUCTION = new Rules(true, false);
    }

    /** Resolves a host name to its addresses (DNS in the service; a table in tests). */
    @FunctionalInterface
    public interface Resolver {
        List<InetAddress> resolve(String host) throws UnknownHostException;

        /** The system's resolver (DNS). */
        Resolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));
    }

    private PublicTarget() {
    }

    /** What is wrong with the URL as a target (a webhook endpoint, a partner's or a payment provider's API), if anything. */
    public static Optional<String> refusal(String url, Rules rules, Resolver resolver) {
        if (url == null || url.isBlank()) {
            return Optional.of("is required");
        }
        if (url.length() > MAX_LENGTH) {
            return Optional.of("must be at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            return Optional.of("is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("https") || scheme.equals("http"))) {
            return Optional.of("must be an absolute https URL");
        }
        if (scheme.equals("http") && rules.requireHttps()) {
            return Optional.of("must use https");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not carry credentials (user:password@); the signature authenticates Tijdig");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("must not have a fragment (#…)");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            return Optional.of("must name a host");
        }
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            return Optional.of("host " + host + " cannot be resolved");
        }
        if (addresses.isEmpty()) {
            return Optional.of("host " + host + " cannot be resolved");
        }
        for (InetAddress address : addresses) {
            Optional<String> why = refusal(address, rules);
            if (why.isPresent()) {
                return Optional.of("host " + host + " resolves to " + address.getHostAddress() + ", " + why.get()
                        + "; Tijdig calls only public addresses");
            }
        }
        return Optional.empty();
    }

    /** Why an address may not receive webhooks, if it may not. */
    public static Optional<String> refusal(InetAddress address, Rules rules) {
        if (address.isLoopbackAddress()) {
            return rules.allowLoopback() ? Optional.empty() : Optional.of("a loopback address");
        }
        if (address.isAnyLocalAddress()) {
            return Optional.of("the unspecified address");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("a link-local address");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("a multicast address");
        }
        if (address instanceof Inet4Address v4) {
            return refusal4(v4.getAddress());
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return Optional.of("a private address (unique local)");
            }
            if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0xc0) {
                return Optional.of("a site-local address");
            }
            if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
                return Optional.of("a documentation address");
            }
            if (embedsIpv4(b)) {
                Optional<String> inner = refusal4(new byte[] {b[12], b[13], b[14], b[15]});
                if (inner.isPresent()) {
                    return inner;
                }
                if (b[12] == 127 && !rules.allowLoopback()) {
                    return Optional.of("a loopback address");
                }
            }
        }
        return Optional.empty();
    }

    /** IPv4-compatible (::a.b.c.d), IPv4-mapped (::ffff:a.b.c.d) or NAT64 (64:ff9b::a.b.c.d). */
    private static boolean embedsIpv4(byte[] b) {
        boolean zeros = true;
        for (int i = 0; i < 10; i++) {
            zeros &= b[i] == 0;
        }
        boolean mappedOrCompatible = zeros && ((b[10] == 0 && b[11] == 0) || ((b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff));
        boolean nat64 = b[0] == 0 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
        return mappedOrCompatible || nat64;
    }

    private static Optional<String> refusal4(byte[] a) {
        int b0 = a[0] & 0xff;
        int b1 = a[1] & 0xff;
        int b2 = a[2] & 0xff;
        if (b0 == 0) {
            return Optional.of("a 'this network' address");
        }
        if (b0 == 127) {
            return Optional.of("a loopback address");
        }
        if (b0 == 10 || (b0 == 172 && b1 >= 16 && b1 <= 31) || (b0 == 192 && b1 == 168)) {
            return Optional.of("a private address");
        }
        if (b0 == 100 && b1 >= 64 && b1 <= 127) {
            return Optional.of("a shared (carrier-grade NAT) address");
        }
        if (b0 == 169 && b1 == 254) {
            return Optional.of("a link-local address");
        }
        if (b0 == 192 && b1 == 0 && b2 == 0) {
            return Optional.of("an IETF protocol address");
        }
        if ((b0 == 192 && b1 == 0 && b2 == 2) || (b0 == 198 && b1 == 51 && b2 == 100) || (b0 == 203 && b1 == 0 && b2 == 113)) {
            return Optional.of("a documentation address");
        }
        if (b0 == 198 && (b1 == 18 || b1 == 19)) {
            return Optional.of("a benchmarking address");
        }
        if (b0 >= 224) {
            return Optional.of(b0 < 240 ? "a multicast address" : "a reserved address");
        }
        return Optional.empty();
    }
}
