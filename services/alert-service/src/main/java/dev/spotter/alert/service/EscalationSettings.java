package dev.spotter.alert.service;

import dev.spotter.alert.domain.EscalationPolicy;
import dev.spotter.alert.model.EscalationSetting;
import dev.spotter.events.Priority;
import dev.spotter.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.List;

/**
 * Each clinic's escalation per priority: the default of {@link EscalationPolicy#defaultFor}, or the clinic's own. A
 * clinic may page faster or differently, within bounds that keep a stop-symptom urgent: the first level pages at once,
 * and a HIGH alert reaches its last level within {@link #HIGH_LIMIT} and repeats at least every {@link #HIGH_LIMIT}
 * (a MEDIUM one within {@link #MEDIUM_LIMIT}). LOW alerts never page: the clinical rule, not a setting.
 */
@ApplicationScoped
public class EscalationSettings {

    static final Duration HIGH_LIMIT = Duration.ofMinutes(5);
    static final Duration MEDIUM_LIMIT = Duration.ofMinutes(30);
    static final int MOST_LEVELS = 10;

    /** The policy an alert of this clinic and priority escalates by now. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public EscalationPolicy policyFor(String clinicId, Priority priority) {
        if (priority == Priority.LOW) {
            return EscalationPolicy.defaultFor(priority);
        }
        return EscalationSetting.of(clinicId, priority).map(EscalationSetting::toPolicy)
                .orElseGet(() -> EscalationPolicy.defaultFor(priority));
    }

    /** Whether the clinic has its own policy for the priority. */
    @Transactional
    public boolean isClinicDefined(String clinicId, Priority priority) {
        return EscalationSetting.of(clinicId, priority).isPresent();
    }

    @Transactional
    public EscalationPolicy change(String clinicId, Priority priority, List<EscalationSetting.StoredLevel> levels, long repeatSeconds) {
        if (priority == Priority.LOW) {
            throw ProblemException.refused("low-never-pages", "priority",
                    "LOW alerts wait on the clinician console and never page: the clinical rule, not a clinic setting.");
        }
        Duration limit = priority == Priority.HIGH ? HIGH_LIMIT : MEDIUM_LIMIT;
        if (levels.isEmpty() || levels.size() > MOST_LEVELS) {
            throw ProblemException.invalidField("levels", "between 1 and " + MOST_LEVELS + " levels");
        }
        if (levels.getFirst().afterSeconds() != 0) {
            throw ProblemException.invalidField("levels[0].afterSeconds", "the first level pages at once: 0");
        }
        for (int i = 0; i < levels.size(); i++) {
            EscalationSetting.StoredLevel level = levels.get(i);
            if (level.targets() == null || level.targets().isEmpty()) {
                throw ProblemException.invalidField("levels[" + i + "].targets", "at least one of " + List.of(EscalationPolicy.Target.values()));
            }
            if (i > 0 && level.afterSeconds() <= levels.get(i - 1).afterSeconds()) {
                throw ProblemException.invalidField("levels[" + i + "].afterSeconds", "later than the level before it");
            }
            if (Duration.ofSeconds(level.afterSeconds()).compareTo(limit) > 0) {
                throw ProblemException.invalidField("levels[" + i + "].afterSeconds",
                        "a " + priority + " alert reaches every level within " + limit.toSeconds() + " s");
            }
        }
        if (repeatSeconds < 1 || Duration.ofSeconds(repeatSeconds).compareTo(limit) > 0) {
            throw ProblemException.invalidField("repeatSeconds", "between 1 and " + limit.toSeconds() + " s");
        }
        EscalationSetting setting = EscalationSetting.of(clinicId, priority).orElseGet(() -> {
            EscalationSetting created = new EscalationSetting();
            created.key = new EscalationSetting.Key(clinicId, priority);
            return created;
        });
        setting.levels = List.copyOf(levels);
        setting.repeatSeconds = repeatSeconds;
        setting.persist();
        return setting.toPolicy();
    }

    /** Back to the default; true when the clinic had its own. */
    @Transactional
    public boolean reset(String clinicId, Priority priority) {
        return EscalationSetting.deleteById(new EscalationSetting.Key(clinicId, priority));
    }
}
