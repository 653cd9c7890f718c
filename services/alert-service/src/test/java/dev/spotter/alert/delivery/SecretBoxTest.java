package dev.spotter.alert.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretBoxTest {

    private static final String SECRET = "whsec_Zm9vYmFyYmF6cXV4";
    private final SecretBox box = new SecretBox(randomKey());

    @Test
    void aSealedSecretOpensForItsClinicAndDoesNotShowInTheStoredValue() {
        String stored = box.seal("northside", SECRET);

        assertThat(stored).startsWith(SecretBox.PREFIX).doesNotContain(SECRET).doesNotContain("Zm9vYmFy");
        assertThat(box.open("northside", stored)).isEqualTo(SECRET);
        assertThat(box.seal("northside", SECRET)).as("a fresh nonce each time").isNotEqualTo(stored);
    }

    @Test
    void aSealedSecretCopiedToAnotherClinicOrReadWithAnotherKeyDoesNotOpen() {
        String stored = box.seal("northside", SECRET);

        assertThatThrownBy(() -> box.open("riverside", stored)).hasMessageContaining("does not open");
        assertThatThrownBy(() -> new SecretBox(randomKey()).open("northside", stored)).hasMessageContaining("SPOTTER_SECRET_KEY");
    }

    @Test
    void aSecretStoredBeforeEncryptionStillOpensAndNoneIsNone() {
        assertThat(box.open("northside", SECRET)).isEqualTo(SECRET);
        assertThat(box.open("northside", null)).isNull();
    }

    @Test
    void aKeyOfTheWrongSizeOrNotBase64IsRefusedAtStart() {
        assertThatThrownBy(() -> new SecretBox(Base64.getEncoder().encodeToString(new byte[16]))).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new SecretBox("not base64 at all!")).hasMessageContaining("base64");
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
