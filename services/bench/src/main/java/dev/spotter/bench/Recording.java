package dev.spotter.bench;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a run saw: every stop-symptom a tablet sent (with the answer it got), every alert the clinicians' side showed
 * for a session (list, stream), and every first-level page that reached a clinician's webhook.
 */
public record Recording(List<SentSymptom> symptoms, List<SeenAlert> alerts, List<FirstPage> pages) {

    /** A stop-symptom sent for a session, and the HTTP status it was answered with (0: no answer). */
    public record SentSymptom(UUID sessionId, String code, Instant sentAt, int status) {

        boolean accepted() {
            return status >= 200 && status < 300;
        }
    }

    /** An alert about a session, as one source (the list, the stream) showed it. */
    public record SeenAlert(UUID sessionId, UUID alertId, String source) {
    }

    /** A level-0 page as the webhook received it; every attempt of one page carries the same delivery id. */
    public record FirstPage(UUID sessionId, UUID alertId, UUID deliveryId, Instant receivedAt) {
    }

    public Recording {
        symptoms = List.copyOf(symptoms);
        alerts = List.copyOf(alerts);
        pages = List.copyOf(pages);
    }
}
