package dev.spotter.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Self-signed certificates for tests, made by the JDK's keytool: one for servers on 127.0.0.1 (the broker, HTTPS),
 * and client certificates named after a service for mutual TLS. Key stores and trust stores are PKCS#12 files with
 * {@link #password()}; the server's certificate and key are also written as PEM.
 */
public final class TestCertificates {

    public static final String SERVER = "server";
    private static TestCertificates shared;

    private final Path dir;
    private final String password = UUID.randomUUID().toString();

    private TestCertificates(Path dir) {
        this.dir = dir;
    }

    /** One set for the whole JVM, in a temporary directory, with a client certificate for each service. */
    public static synchronized TestCertificates shared() {
        if (shared == null) {
            try {
                shared = create(Files.createTempDirectory("spotter-tls-"), KafkaAccess.SERVICES.stream().map(KafkaAccess::service).toList());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }

    /** Makes the server's certificate, and a client certificate (CN = the name) for each of {@code clients}. */
    public static TestCertificates create(Path dir, List<String> clients) {
        TestCertificates certificates = new TestCertificates(dir);
        try {
            Files.createDirectories(dir);
            certificates.generate(SERVER, "SAN=ip:127.0.0.1,dns:localhost");
            for (String client : clients) {
                certificates.generate(client, null);
            }
            certificates.writePem(SERVER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return certificates;
    }

    public String password() {
        return password;
    }

    /** The PKCS#12 key store holding {@code name}'s key and certificate. */
    public Path keyStore(String name) {
        return dir.resolve(name + ".p12");
    }

    public Path serverCertificatePem() {
        return dir.resolve(SERVER + ".crt");
    }

    public Path serverKeyPem() {
        return dir.resolve(SERVER + ".key");
    }

    /** A PKCS#12 trust store (written once) that trusts exactly the certificates of {@code names}. */
    public Path trustStore(String... names) {
        Path file = dir.resolve("trusts-" + String.join("-", names) + ".p12");
        try {
            if (!Files.exists(file)) {
                KeyStore trust = KeyStore.getInstance("PKCS12");
                trust.load(null, null);
                for (String name : names) {
                    trust.setCertificateEntry(name, certificate(name));
                }
                try (OutputStream out = Files.newOutputStream(file)) {
                    trust.store(out, password.toCharArray());
                }
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** TLS for a Java client that trusts the server certificate only. */
    public SSLContext clientContext() {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry(SERVER, certificate(SERVER));
            TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trustManagers.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trustManagers.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void generate(String name, String extension) throws IOException {
        String keytool = Path.of(ProcessHandle.current().info().command().orElse("java")).resolveSibling("keytool").toString();
        List<String> command = new ArrayList<>(List.of(keytool, "-genkeypair", "-alias", name, "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=" + name, "-validity", "2", "-storetype", "PKCS12",
                "-keystore", keyStore(name).toString(), "-storepass", password));
        if (extension != null) {
            command.addAll(List.of("-ext", extension));
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool failed for " + name + ": "
                        + new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void writePem(String name) throws IOException {
        try {
            KeyStore store = load(name);
            Files.writeString(dir.resolve(name + ".crt"), pem("CERTIFICATE", store.getCertificate(name).getEncoded()));
            PrivateKey key = (PrivateKey) store.getKey(name, password.toCharArray());
            Files.writeString(dir.resolve(name + ".key"), pem("PRIVATE KEY", key.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private Certificate certificate(String name) throws IOException, GeneralSecurityException {
        return load(name).getCertificate(name);
    }

    private KeyStore load(String name) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore(name))) {
            store.load(in, password.toCharArray());
        }
        return store;
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
}
