package dev.spotter.alert.delivery;

import dev.spotter.alert.config.DeliveryConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keeps the clinics' webhook signing secrets encrypted at rest: AES-256-GCM under the service's key
 * ({@code spotter.delivery.secret-key}, env {@code SPOTTER_SECRET_KEY}: 32 random bytes in base64), with the clinic
 * as associated data so a sealed secret copied to another clinic's row does not open. A stored value without the
 * {@value #PREFIX} prefix is a secret from before encryption: it still opens, and is sealed when next rotated.
 */
@ApplicationScoped
public class SecretBox {

    static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    @Inject
    public SecretBox(DeliveryConfig config) {
        this(config.secretKey());
    }

    SecretBox(String base64Key) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64Key.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("spotter.delivery.secret-key (SPOTTER_SECRET_KEY) is not base64", e);
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("spotter.delivery.secret-key (SPOTTER_SECRET_KEY) must be 32 bytes in base64, not "
                    + bytes.length + " (make one with: openssl rand -base64 32)");
        }
        this.key = new SecretKeySpec(bytes, "AES");
    }

    public String seal(String clinicId, String secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, clinicId);
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt a secret", e);
        }
    }

    /** The secret, or null when none is stored. */
    public String open(String clinicId, String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return stored;
        }
        byte[] bytes = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(bytes, NONCE_BYTES), clinicId);
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the webhook secret of clinic " + clinicId
                    + " does not open with this key: was SPOTTER_SECRET_KEY changed? A clinic admin can rotate the secret", e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce, String clinicId) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(128, nonce));
        cipher.updateAAD(clinicId.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
