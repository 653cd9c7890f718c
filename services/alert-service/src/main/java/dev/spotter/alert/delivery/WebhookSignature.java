package dev.spotter.alert.delivery;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature on every webhook request: {@code Spotter-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256>} of
 * {@code "<t>.<body>"} under the clinic's webhook secret. A receiver recomputes it to know the request came from
 * Spotter and was not changed, and refuses an old {@code t} so a captured request cannot be replayed later.
 */
public final class WebhookSignature {

    public static final String HEADER = "Spotter-Signature";

    private WebhookSignature() {
    }

    public static String sign(String secret, long epochSeconds, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((epochSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return "t=" + epochSeconds + ",v1=" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }
}
