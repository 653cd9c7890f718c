package dev.spotter.alert.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spotter.alert.config.DeliveryConfig;
import dev.spotter.alert.model.AlertPage;
import dev.spotter.platform.tracing.TraceContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;

/**
 * Pages by an HTTP POST of the message as JSON to the clinician's webhook (a clinic's pager or SMS gateway), signed
 * with the clinic's secret ({@link WebhookSignature}) and carrying the attempt's trace ({@code traceparent}). Any 2xx
 * answer is delivered; anything else, or no answer within the attempt timeout, failed.
 */
@ApplicationScoped
public class WebhookChannel implements Channel {

    public static final String DELIVERY_HEADER = "Spotter-Delivery";
    public static final String EVENT_HEADER = "Spotter-Event";

    private final HttpClient http;
    private final DeliveryConfig config;
    private final ObjectMapper json;
    private final Clock clock;

    @Inject
    public WebhookChannel(DeliveryConfig config, ObjectMapper json, Clock clock) {
        this.config = config;
        this.json = json;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(config.attemptTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public String name() {
        return AlertPage.WEBHOOK;
    }

    @Override
    public Outcome send(PageMessage message, String address, String secret) {
        if (secret == null) {
            return Outcome.failedForGood("the clinic has no webhook secret yet: a clinic-admin creates one (POST /api/roster/webhook-secret)");
        }
        Optional<String> refusal = WebhookAddresses.refusal(address, config.webhookPrivateNetworks());
        if (refusal.isPresent()) {
            return Outcome.failedForGood("refused address: it must be " + refusal.get());
        }
        try {
            String body = json.writeValueAsString(message);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(address)).timeout(config.attemptTimeout())
                    .header("Content-Type", "application/json")
                    .header(WebhookSignature.HEADER, WebhookSignature.sign(secret, clock.instant().getEpochSecond(), body))
                    .header(DELIVERY_HEADER, message.deliveryId().toString())
                    .header(EVENT_HEADER, message.type());
            // the attempt's span (W3C trace context), so a gateway that traces continues the page's trace
            TraceContext.current().forEach(request::header);
            int status = http.send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
            return status / 100 == 2 ? Outcome.delivered("HTTP " + status) : Outcome.failed("HTTP " + status);
        } catch (HttpTimeoutException e) {
            return Outcome.failed("no answer within " + config.attemptTimeout().toMillis() + " ms");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a page message is always JSON", e);
        } catch (IOException | IllegalArgumentException e) {
            return Outcome.failed(e.getClass().getSimpleName() + (e.getMessage() != null ? ": " + e.getMessage() : ""));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.failed("interrupted: the service is stopping");
        }
    }
}
