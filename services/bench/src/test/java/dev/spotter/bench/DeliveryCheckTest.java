package dev.spotter.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The checker catches a planted loss and a planted duplicate, and passes a clean recording. */
class DeliveryCheckTest {

    private static final Instant T = Instant.parse("2026-11-22T03:00:00Z");

    private final List<Recording.SentSymptom> symptoms = new ArrayList<>();
    private final List<Recording.SeenAlert> alerts = new ArrayList<>();
    private final List<Recording.FirstPage> pages = new ArrayList<>();

    @Test
    void aCleanRecordingPasses() {
        UUID first = deliveredOnce();
        UUID second = deliveredOnce();
        // the same alert seen by the list and the stream is one alert
        alerts.add(new Recording.SeenAlert(first, alerts.getFirst().alertId(), "stream"));

        DeliveryCheck.Verdict verdict = DeliveryCheck.check(recording());

        assertThat(verdict.clean()).as(verdict.summary()).isTrue();
        assertThat(verdict.accepted()).isEqualTo(2);
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void aPlantedLossIsCaught() {
        deliveredOnce();
        UUID lost = UUID.randomUUID();
        symptoms.add(new Recording.SentSymptom(lost, "chest-pain", T, 201));

        DeliveryCheck.Verdict verdict = DeliveryCheck.check(recording());

        assertThat(verdict.clean()).isFalse();
        assertThat(verdict.withoutAlert()).containsExactly(lost);
        assertThat(verdict.withoutFirstPage()).containsExactly(lost);
        assertThat(verdict.duplicatedAlerts()).isEmpty();
    }

    @Test
    void anAlertWithoutItsFirstPageIsALoss() {
        UUID session = UUID.randomUUID();
        symptoms.add(new Recording.SentSymptom(session, "chest-pain", T, 201));
        alerts.add(new Recording.SeenAlert(session, UUID.randomUUID(), "list"));

        DeliveryCheck.Verdict verdict = DeliveryCheck.check(recording());

        assertThat(verdict.withoutAlert()).isEmpty();
        assertThat(verdict.withoutFirstPage()).containsExactly(session);
    }

    @Test
    void aPlantedDuplicateAlertAndPageAreCaught() {
        UUID session = deliveredOnce();
        UUID second = UUID.randomUUID();
        alerts.add(new Recording.SeenAlert(session, second, "list"));
        pages.add(new Recording.FirstPage(session, second, UUID.randomUUID(), T.plusSeconds(1)));

        DeliveryCheck.Verdict verdict = DeliveryCheck.check(recording());

        assertThat(verdict.clean()).isFalse();
        assertThat(verdict.duplicatedAlerts()).containsOnlyKeys(session);
        assertThat(verdict.duplicatedFirstPages()).containsOnlyKeys(session);
        assertThat(verdict.withoutAlert()).isEmpty();
    }

    @Test
    void aRetriedAttemptOfOnePageIsNotADuplicate() {
        UUID session = deliveredOnce();
        pages.add(new Recording.FirstPage(session, pages.getFirst().alertId(), pages.getFirst().deliveryId(), T.plusSeconds(5)));

        DeliveryCheck.Verdict verdict = DeliveryCheck.check(recording());

        assertThat(verdict.clean()).isTrue();
        assertThat(verdict.repeatedAttempts()).isEqualTo(1);
    }

    @Test
    void aRefusedSymptomNeedsNoAlert() {
        deliveredOnce();
        symptoms.add(new Recording.SentSymptom(UUID.randomUUID(), "chest-pain", T, 503));
        symptoms.add(new Recording.SentSymptom(UUID.randomUUID(), "chest-pain", T, 0));

        DeliveryCheck.Verdict verdict = DeliveryCheck.check(recording());

        assertThat(verdict.clean()).isTrue();
        assertThat(verdict.accepted()).isEqualTo(1);
    }

    /** A session whose symptom was accepted, alerted once and paged once; returns its id. */
    private UUID deliveredOnce() {
        UUID session = UUID.randomUUID();
        UUID alert = UUID.randomUUID();
        symptoms.add(new Recording.SentSymptom(session, "chest-pain", T, 201));
        alerts.add(new Recording.SeenAlert(session, alert, "list"));
        pages.add(new Recording.FirstPage(session, alert, UUID.randomUUID(), T.plusMillis(80)));
        return session;
    }

    private Recording recording() {
        return new Recording(symptoms, alerts, pages);
    }
}
