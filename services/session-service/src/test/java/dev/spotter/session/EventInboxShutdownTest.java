package dev.spotter.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spotter.events.CloudEventCodec;
import dev.spotter.events.EncodedEvent;
import dev.spotter.events.Priority;
import dev.spotter.events.Topics;
import dev.spotter.events.alert.AlertStatusChanged;
import dev.spotter.platform.inbox.EventInbox;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import dev.spotter.testing.SpotterInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * While a service stops, its database session closes under the events still being applied. Such a failure must not
 * send a good event to the dead-letter topic: the event is held, uncommitted, for the next start.
 */
@QuarkusTest
@WithTestResource(value = SpotterInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "spotter_test_session"))
class EventInboxShutdownTest {

    @Inject
    EventInbox inbox;

    @Inject
    MeterRegistry registry;

    @Test
    void aFailureWhileTheServiceStopsIsHeldNotDeadLettered() throws Exception {
        ConsumerRecord<String, byte[]> record = recordOf(statusChange(), 41);
        double before = deadLettered();

        inbox.holdFailures(true);
        CompletableFuture<Void> applying;
        try {
            applying = CompletableFuture.runAsync(() -> inbox.consume(record, Topics.ALERT_EVENTS, event -> {
                throw new IllegalStateException("EntityManagerFactory is closed");
            }));
            assertThatThrownBy(() -> applying.get(500, TimeUnit.MILLISECONDS)).as("held while stopping")
                    .isInstanceOf(TimeoutException.class);
            assertThat(deadLettered()).isEqualTo(before);
        } finally {
            inbox.holdFailures(false);
        }

        // the stop called off, the same failure is dead-lettered as it would be in service
        assertThatThrownBy(() -> applying.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasRootCauseMessage("EntityManagerFactory is closed");
        assertThat(deadLettered()).isEqualTo(before + 1);
    }

    @Test
    void inServiceTheSameFailureIsDeadLetteredAtOnce() {
        ConsumerRecord<String, byte[]> record = recordOf(statusChange(), 42);
        double before = deadLettered();

        assertThatThrownBy(() -> inbox.consume(record, Topics.ALERT_EVENTS, event -> {
            throw new IllegalStateException("a bug in the effect");
        })).hasMessage("a bug in the effect");
        assertThat(deadLettered()).isEqualTo(before + 1);
    }

    private static AlertStatusChanged statusChange() {
        return new AlertStatusChanged(UUID.randomUUID(), "northside", Instant.parse("2026-03-02T09:00:00Z"), UUID.randomUUID(),
                UUID.randomUUID(), null, UUID.randomUUID(), AlertStatusChanged.Change.ACKNOWLEDGED, "ACKNOWLEDGED",
                Priority.HIGH, 0, List.of(), "dr.north", null);
    }

    private static ConsumerRecord<String, byte[]> recordOf(AlertStatusChanged event, long offset) {
        EncodedEvent encoded = new CloudEventCodec("/spotter/alert-service").encode(event);
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(encoded.topic(), 0, offset, encoded.key(), encoded.data());
        encoded.headers().forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    private double deadLettered() {
        Counter counter = registry.find("spotter.events.dead.lettered").tag("topic", Topics.ALERT_EVENTS.name())
                .tag("kind", "failed").counter();
        return counter == null ? 0 : counter.count();
    }
}
