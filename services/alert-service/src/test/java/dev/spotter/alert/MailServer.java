package dev.spotter.alert;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.ServerSocket;
import java.util.Map;

/**
 * A real SMTP server (GreenMail) on a free local port for the tests' alert-service to send its e-mail pages to; a test
 * gets it in a field marked {@link Inject}. Every alert-service test class names it, so one application serves them all.
 */
public class MailServer implements QuarkusTestResourceLifecycleManager {

    /** Marks the test's {@code GreenMail} field. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Inject {
    }

    private GreenMail smtp;

    @Override
    public Map<String, String> start() {
        smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        return Map.of("quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", String.valueOf(smtp.getSmtp().getPort()),
                "quarkus.mailer.start-tls", "DISABLED",
                "quarkus.mailer.mock", "false");
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(smtp, new TestInjector.AnnotatedAndMatchesType(Inject.class, GreenMail.class));
    }

    @Override
    public void stop() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
