package dev.spotter.alert.delivery;

import dev.spotter.alert.config.DeliveryConfig;
import dev.spotter.alert.model.AlertPage;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Pages by e-mail over SMTP ({@code quarkus.mailer.*}): delivered once the server accepted the message. */
@ApplicationScoped
public class EmailChannel implements Channel {

    @Inject
    ReactiveMailer mailer;

    @Inject
    DeliveryConfig config;

    /** The local run without an SMTP server writes e-mails to the log ({@code SPOTTER_MAIL_LOG_ONLY}); the attempt says so. */
    @ConfigProperty(name = "quarkus.mailer.mock", defaultValue = "false")
    boolean logOnly;

    @Override
    public String name() {
        return AlertPage.EMAIL;
    }

    @Override
    public Outcome send(PageMessage message, String address, String secret) {
        Mail mail = Mail.withText(address, "[Spotter] " + message.headline(), message.text())
                .addHeader("X-Spotter-Delivery", message.deliveryId().toString());
        try {
            mailer.send(mail).await().atMost(config.attemptTimeout());
            return Outcome.delivered(logOnly ? "written to the service log (no SMTP server configured)" : "accepted by the SMTP server");
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return Outcome.failed(cause.getClass().getSimpleName() + (cause.getMessage() != null ? ": " + cause.getMessage() : ""));
        }
    }
}
