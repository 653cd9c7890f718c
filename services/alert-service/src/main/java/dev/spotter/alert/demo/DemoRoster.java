package dev.spotter.alert.demo;

import dev.spotter.alert.domain.Roster;
import dev.spotter.alert.model.ClinicRoster;
import dev.spotter.alert.service.RosterService;
import dev.spotter.platform.config.SpotterConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The demo clinics' on-call rosters for the local run ({@code spotter.demo.enabled=true}): each clinic's demo clinician
 * is its clinic lead and primary on call around the clock for the next two weeks, reached by e-mail, so a stop-symptom
 * logged on a demo tablet pages someone. Each start tops the shifts up; nothing else is changed.
 */
@ApplicationScoped
public class DemoRoster {

    private static final Logger LOG = Logger.getLogger(DemoRoster.class);
    private static final int DAYS = 14;
    private static final LocalTime HANDOVER = LocalTime.of(8, 0);

    /** A demo clinic and its clinician (the user name of the demo tokens). */
    record DemoClinic(String clinicId, String clinician, String displayName) {
    }

    static final List<DemoClinic> CLINICS = List.of(
            new DemoClinic("northside", "dr.north", "Dr North"),
            new DemoClinic("riverside", "dr.river", "Dr River"));

    @Inject
    RosterService rosters;

    @Inject
    SpotterConfig config;

    @Inject
    Clock clock;

    void seed(@Observes StartupEvent event) {
        if (!config.demo().enabled()) {
            return;
        }
        for (DemoClinic demo : CLINICS) {
            if (rosters.clinicians(demo.clinicId()).isEmpty()) {
                rosters.putClinician(demo.clinicId(), demo.clinician(), demo.displayName(), demo.clinician() + "@" + demo.clinicId() + ".example", null);
                rosters.changeSettings(demo.clinicId(), config.clinic().defaultTimeZone(), demo.clinician());
            }
            ClinicRoster settings = rosters.settings(demo.clinicId());
            LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(settings.timeZone)));
            LocalDateTime from = today.minusDays(1).atTime(HANDOVER);
            LocalDateTime to = today.plusDays(DAYS).atTime(HANDOVER);
            List<LocalDateTime> covered = rosters.shifts(demo.clinicId(), from, to).stream()
                    .filter(shift -> shift.role == Roster.Role.PRIMARY).map(shift -> shift.startsLocal).toList();
            int added = 0;
            for (LocalDateTime start = from; start.isBefore(to); start = start.plusDays(1)) {
                if (!covered.contains(start)) {
                    rosters.addShift(demo.clinicId(), demo.clinician(), Roster.Role.PRIMARY, start, start.plusDays(1));
                    added++;
                }
            }
            LOG.infof("demo roster of %s: %s on call as primary, %d shifts added", demo.clinicId(), demo.clinician(), added);
        }
    }
}
