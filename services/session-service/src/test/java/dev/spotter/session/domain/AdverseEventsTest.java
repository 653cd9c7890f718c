package dev.spotter.session.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spotter.events.Priority;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdverseEventsTest {

    @Test
    void stopSymptomsAreCountedByTheirPriority() {
        AdverseEvents events = AdverseEvents.count(List.of(Priority.HIGH, Priority.MEDIUM, Priority.HIGH, Priority.LOW));

        assertThat(events).isEqualTo(new AdverseEvents(2, 1, 1));
        assertThat(events.total()).isEqualTo(4);
        assertThat(events.of(Priority.HIGH)).isEqualTo(2);
        assertThat(events.of(Priority.MEDIUM)).isEqualTo(1);
        assertThat(events.of(Priority.LOW)).isEqualTo(1);
    }

    @Test
    void noStopSymptomsIsNoAdverseEvent() {
        assertThat(AdverseEvents.count(List.of())).isEqualTo(new AdverseEvents(0, 0, 0));
        assertThat(AdverseEvents.count(List.of()).total()).isZero();
    }

    @Test
    void eachSymptomCountsAtThePriorityItWasRaisedAtInItsContext() {
        var longDizziness = new SymptomPriority.Context(true, false, false);
        var knownSciatica = new SymptomPriority.Context(false, true, false);
        AdverseEvents events = AdverseEvents.count(List.of(
                SymptomPriority.of(Symptom.DIZZINESS, longDizziness),
                SymptomPriority.of(Symptom.NEW_NUMBNESS, knownSciatica),
                SymptomPriority.of(Symptom.NAUSEA, knownSciatica)));

        assertThat(events).isEqualTo(new AdverseEvents(1, 1, 1));
    }
}
