package dev.spotter.alert.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spotter.alert.domain.EscalationPolicy.Level;
import dev.spotter.alert.domain.EscalationPolicy.Target;
import dev.spotter.events.Priority;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EscalationPolicyTest {

    private static final Instant RAISED = Instant.parse("2026-11-21T10:00:00Z");

    @Test
    void highPagesThePrimaryAtOnceThenSecondaryAndLeadAt60sThenEveryoneAt120sThenEveryMinute() {
        EscalationPolicy high = EscalationPolicy.defaultFor(Priority.HIGH);

        assertThat(high.dueAt(RAISED, 0)).contains(RAISED);
        assertThat(high.dueAt(RAISED, 1)).contains(RAISED.plusSeconds(60));
        assertThat(high.dueAt(RAISED, 2)).contains(RAISED.plusSeconds(120));
        assertThat(high.dueAt(RAISED, 3)).contains(RAISED.plusSeconds(180));
        assertThat(high.dueAt(RAISED, 7)).contains(RAISED.plusSeconds(420));
        assertThat(high.level(0).targets()).containsExactly(Target.PRIMARY);
        assertThat(high.level(1).targets()).containsExactlyInAnyOrder(Target.SECONDARY, Target.CLINIC_LEAD);
        assertThat(high.level(2).targets()).containsExactly(Target.ALL_CLINICIANS);
        assertThat(high.level(9).targets()).containsExactly(Target.ALL_CLINICIANS);
    }

    @Test
    void mediumDoesTheSameAtThreeAndSixMinutes() {
        EscalationPolicy medium = EscalationPolicy.defaultFor(Priority.MEDIUM);

        assertThat(medium.dueAt(RAISED, 1)).contains(RAISED.plus(Duration.ofMinutes(3)));
        assertThat(medium.dueAt(RAISED, 2)).contains(RAISED.plus(Duration.ofMinutes(6)));
        assertThat(medium.dueAt(RAISED, 3)).contains(RAISED.plus(Duration.ofMinutes(9)));
    }

    @Test
    void lowNeverPages() {
        EscalationPolicy low = EscalationPolicy.defaultFor(Priority.LOW);

        assertThat(low.pages()).isFalse();
        assertThat(low.dueAt(RAISED, 0)).isEmpty();
    }

    @Test
    void levelsMustFireInOrderAndRepeatAfterAPositiveInterval() {
        Level first = new Level(Duration.ZERO, Set.of(Target.PRIMARY));
        Level same = new Level(Duration.ZERO, Set.of(Target.SECONDARY));

        assertThatThrownBy(() -> new EscalationPolicy(List.of(first, same), Duration.ofSeconds(60)))
                .hasMessageContaining("level 1 must fire after level 0");
        assertThatThrownBy(() -> new EscalationPolicy(List.of(first), Duration.ZERO)).hasMessageContaining("repeat");
        assertThatThrownBy(() -> new Level(Duration.ofSeconds(-1), Set.of(Target.PRIMARY))).hasMessageContaining("before the alert");
    }
}
