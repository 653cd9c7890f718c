package dev.spotter.testing;

import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

/**
 * Signs bearer tokens for test users with a key pair made once per test JVM and kept in a file,
 * so the Quarkus application under test (another class loader) and the test see the same key.
 */
public final class TestTokens {

    public static final String ISSUER = "spotter-local";

    private TestTokens() {
    }

    /** A token for {@code user} of {@code clinic} acting as {@code role} (tablet, clinician, clinic-admin). */
    public static String issue(String user, String clinic, String role) {
        return Jwt.issuer(ISSUER)
                .upn(user)
                .subject(user)
                .groups(role)
                .claim("clinic", clinic)
                .expiresIn(Duration.ofHours(1))
                .sign(privateKey());
    }

    /** A token naming no clinic, as an operator's would: {@code role} only. */
    public static String issueWithoutClinic(String user, String role) {
        return Jwt.issuer(ISSUER)
                .upn(user)
                .subject(user)
                .groups(role)
                .expiresIn(Duration.ofHours(1))
                .sign(privateKey());
    }

    /** A token for operations staff: role {@code ops} and no clinic. */
    public static String ops(String user) {
        return issueWithoutClinic(user, "ops");
    }

    /** Tokens the services must refuse with 401, each wrong in one way, named by what is wrong. */
    public static Map<String, String> forged(String user, String clinic, String role) {
        KeyPair stranger;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            stranger = generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return Map.of(
                "expired", Jwt.issuer(ISSUER).upn(user).groups(role).claim("clinic", clinic)
                        .issuedAt(Instant.now().minus(Duration.ofHours(3))).expiresAt(Instant.now().minus(Duration.ofHours(2)))
                        .sign(privateKey()),
                "another issuer", Jwt.issuer("https://login.example.org").upn(user).groups(role).claim("clinic", clinic)
                        .expiresIn(Duration.ofHours(1)).sign(privateKey()),
                "another key", Jwt.issuer(ISSUER).upn(user).groups(role).claim("clinic", clinic)
                        .expiresIn(Duration.ofHours(1)).sign(stranger.getPrivate()),
                "not a token", "not.a.token");
    }

    /** The public key file that services verify tokens with. */
    public static synchronized Path publicKeyFile() {
        Path dir = keyDir();
        Path publicKey = dir.resolve("public.pem");
        if (!Files.exists(publicKey)) {
            writeKeyPair(dir);
        }
        return publicKey;
    }

    public static String publicKeyPem() {
        try {
            return Files.readString(publicKeyFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PrivateKey privateKey() {
        try {
            Path file = publicKeyFile().resolveSibling("private.der");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the test signing key", e);
        }
    }

    private static Path keyDir() {
        return Path.of(System.getProperty("java.io.tmpdir"), "spotter-test-jwt-" + ProcessHandle.current().pid());
    }

    private static void writeKeyPair(Path dir) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.createDirectories(dir);
            Path privateTmp = Files.createTempFile(dir, "private", ".tmp");
            Files.write(privateTmp, pair.getPrivate().getEncoded());
            Files.move(privateTmp, dir.resolve("private.der"), StandardCopyOption.ATOMIC_MOVE);
            String pem = "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n";
            Path publicTmp = Files.createTempFile(dir, "public", ".tmp");
            Files.writeString(publicTmp, pem);
            Files.move(publicTmp, dir.resolve("public.pem"), StandardCopyOption.ATOMIC_MOVE);
            dir.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot make a test signing key", e);
        }
    }
}
