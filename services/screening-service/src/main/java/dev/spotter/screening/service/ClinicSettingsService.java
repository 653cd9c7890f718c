package dev.spotter.screening.service;

import dev.spotter.platform.config.SpotterConfig;
import dev.spotter.platform.problem.ProblemException;
import dev.spotter.screening.domain.ClinicRules;
import dev.spotter.screening.model.ClinicSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;

/** Each clinic's configurable thresholds and time zone, with the defaults of the clinical rules. */
@ApplicationScoped
public class ClinicSettingsService {

    /** A clinic's time zone (its calendar days decide expiry) and its rules. */
    public record Settings(ZoneId timeZone, ClinicRules rules) {
    }

    @Inject
    Clock clock;

    @Inject
    SpotterConfig config;

    @Transactional
    public Settings of(String clinicId) {
        ClinicSettings stored = ClinicSettings.findById(clinicId);
        if (stored == null) {
            return new Settings(ZoneId.of(config.clinic().defaultTimeZone()), ClinicRules.defaults());
        }
        return new Settings(ZoneId.of(stored.timeZone), new ClinicRules(stored.screeningValidDays, stored.strokeWindowMonths,
                stored.stage1NeedsClearance, stored.refluxNeedsClearance, stored.tableRatedLoadKg, stored.clearanceValidDays));
    }

    @Transactional
    public Settings update(String clinicId, String user, String timeZone, ClinicRules rules) {
        ZoneId zone = zoneOf(timeZone);
        ClinicSettings stored = ClinicSettings.findById(clinicId);
        boolean isNew = stored == null;
        if (isNew) {
            stored = new ClinicSettings();
            stored.clinicId = clinicId;
        }
        stored.timeZone = zone.getId();
        stored.screeningValidDays = rules.screeningValidDays();
        stored.strokeWindowMonths = rules.strokeWindowMonths();
        stored.stage1NeedsClearance = rules.stage1NeedsClearance();
        stored.refluxNeedsClearance = rules.refluxNeedsClearance();
        stored.tableRatedLoadKg = rules.tableRatedLoadKg();
        stored.clearanceValidDays = rules.clearanceValidDays();
        stored.updatedAt = clock.instant();
        stored.updatedBy = user;
        if (isNew) {
            stored.persist();
        }
        return new Settings(zone, rules);
    }

    /** Today in the clinic's own calendar. */
    public LocalDate today(Settings settings) {
        return LocalDate.ofInstant(clock.instant(), settings.timeZone());
    }

    private static ZoneId zoneOf(String timeZone) {
        try {
            return ZoneId.of(timeZone);
        } catch (DateTimeException | NullPointerException e) {
            throw ProblemException.invalidField("timeZone", "not a time zone id such as Europe/London: " + timeZone);
        }
    }
}
