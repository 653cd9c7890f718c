package dev.spotter.alert.delivery;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Which addresses alert-service may send webhooks to. A clinic admin chooses them, so without care they could make
 * the service call into its own network (server-side request forgery): in production a webhook must be https and its
 * host must resolve to public addresses only, checked when it is saved and again before every attempt (DNS can
 * change). A local run or a test sets {@code spotter.delivery.webhook-private-networks=true} to reach a receiver on
 * the same machine.
 */
public final class WebhookAddresses {

    private WebhookAddresses() {
    }

    /** Why the address may not be used, or empty when it may. */
    public static Optional<String> refusal(String address, boolean privateNetworks) {
        URI uri;
        try {
            uri = URI.create(address);
        } catch (IllegalArgumentException e) {
            return Optional.of("not an address");
        }
        String scheme = uri.getScheme();
        if (uri.getHost() == null || !"https".equals(scheme) && !"http".equals(scheme) || uri.getUserInfo() != null) {
            return Optional.of("an https address without user or password");
        }
        if (privateNetworks) {
            return Optional.empty();
        }
        if (!"https".equals(scheme)) {
            return Optional.of("an https address (plain http is refused)");
        }
        try {
            for (InetAddress resolved : InetAddress.getAllByName(uri.getHost())) {
                if (isPrivate(resolved)) {
                    return Optional.of("a public address: " + uri.getHost() + " is " + resolved.getHostAddress()
                            + ", on a private, loopback or link-local network");
                }
            }
        } catch (UnknownHostException e) {
            return Optional.of("a host that resolves: " + uri.getHost() + " does not");
        }
        return Optional.empty();
    }

    static boolean isPrivate(InetAddress address) {
        byte[] bytes = address.getAddress();
        boolean uniqueLocalV6 = bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
        boolean carrierGradeNat = bytes.length == 4 && (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64;
        return address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress() || uniqueLocalV6 || carrierGradeNat;
    }
}
