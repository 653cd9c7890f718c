package dev.spotter.alert.domain;

import dev.spotter.events.Priority;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who is paged for an unacknowledged alert, and when (modelled on PagerDuty's escalation policies): level 0
 * at once, each later level at its delay after the alert was raised; after the last level, the last level is paged
 * again every {@code repeatEvery} until someone acknowledges. A LOW alert pages nobody: it waits on the console.
 */
public record EscalationPolicy(List<Level> levels, Duration repeatEvery) {

    /** The people a level pages, as roles resolved against the clinic's roster when the level fires. */
    public enum Target { PRIMARY, SECONDARY, CLINIC_LEAD, ALL_CLINICIANS }

    /** One level: how long after the alert was raised it fires, and whom it pages. */
    public record Level(Duration after, Set<Target> targets) {

        public Level {
            if (after.isNegative()) {
                throw new IllegalArgumentException("a level cannot fire before the alert: " + after);
            }
            targets = Set.copyOf(targets);
        }
    }

    public EscalationPolicy {
        levels = List.copyOf(levels);
        for (int i = 1; i < levels.size(); i++) {
            if (levels.get(i).after().compareTo(levels.get(i - 1).after()) <= 0) {
                throw new IllegalArgumentException("level " + i + " must fire after level " + (i - 1));
            }
        }
        if (!levels.isEmpty() && !repeatEvery.isPositive()) {
            throw new IllegalArgumentException("the repeat interval must be positive: " + repeatEvery);
        }
    }

    /** The clinical defaults: HIGH at 0, 60 and 120 s, repeating every 60 s; MEDIUM at 0, 3 and 6 min, every 3 min; LOW never. */
    public static EscalationPolicy defaultFor(Priority priority) {
        return switch (priority) {
            case HIGH -> chain(Duration.ofSeconds(60));
            case MEDIUM -> chain(Duration.ofMinutes(3));
            case LOW -> new EscalationPolicy(List.of(), Duration.ZERO);
        };
    }

    /** The default chain with one step between levels: primary; then secondary and clinic lead; then every clinician. */
    public static EscalationPolicy chain(Duration step) {
        return new EscalationPolicy(List.of(
                new Level(Duration.ZERO, EnumSet.of(Target.PRIMARY)),
                new Level(step, EnumSet.of(Target.SECONDARY, Target.CLINIC_LEAD)),
                new Level(step.multipliedBy(2), EnumSet.of(Target.ALL_CLINICIANS))), step);
    }

    /** Whether this policy ever pages anyone. */
    public boolean pages() {
        return !levels.isEmpty();
    }

    /** The level to page at the n-th escalation (0 first); past the last level, the last one again. */
    public Level level(int n) {
        return levels.get(Math.min(n, levels.size() - 1));
    }

    /** When the n-th escalation falls due for an alert raised at {@code raisedAt}; empty when the policy pages nobody. */
    public Optional<Instant> dueAt(Instant raisedAt, int n) {
        if (!pages()) {
            return Optional.empty();
        }
        int last = levels.size() - 1;
        Duration after = n <= last ? levels.get(n).after() : levels.get(last).after().plus(repeatEvery.multipliedBy(n - last));
        return Optional.of(raisedAt.plus(after));
    }
}
