package dev.spotter.screening.demo;

import dev.spotter.clinical.BloodPressure;
import dev.spotter.platform.config.SpotterConfig;
import dev.spotter.screening.domain.BpReading;
import dev.spotter.screening.domain.Osteoporosis;
import dev.spotter.screening.domain.ScreeningAnswers;
import dev.spotter.screening.service.PatientService;
import dev.spotter.screening.service.ScreeningService;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The demo patients of the local run ({@code spotter.demo.enabled=true}), registered and screened
 * through the normal path so their events reach the other services like any other patient's:
 * most are CLEARED; Ben Okafor needs a clearance (hypertension); Chloe Martin has glaucoma.
 */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);

    /** A demo patient and what their screening will find. */
    record DemoPatient(UUID id, String clinicId, String displayName, boolean hypertension, boolean glaucoma) {
    }

    static final List<DemoPatient> PATIENTS = List.of(
            new DemoPatient(UUID.fromString("00000000-0000-4000-8000-00000000a001"), "northside", "Ana Ferreira", false, false),
            new DemoPatient(UUID.fromString("00000000-0000-4000-8000-00000000a002"), "northside", "Ben Okafor", true, false),
            new DemoPatient(UUID.fromString("00000000-0000-4000-8000-00000000a003"), "northside", "Chloe Martin", false, true),
            new DemoPatient(UUID.fromString("00000000-0000-4000-8000-00000000b001"), "riverside", "Dev Patel", false, false),
            new DemoPatient(UUID.fromString("00000000-0000-4000-8000-00000000b002"), "riverside", "Eva Lindqvist", false, false));

    @Inject
    PatientService patients;

    @Inject
    ScreeningService screenings;

    @Inject
    Clock clock;

    @Inject
    SpotterConfig config;

    void seed(@Observes StartupEvent event) {
        if (!config.demo().enabled()) {
            return;
        }
        for (DemoPatient demo : PATIENTS) {
            if (!patients.exists(demo.id())) {
                patients.register(demo.clinicId(), "demo-data", demo.id(), demo.displayName());
                screenings.submit(demo.clinicId(), "demo-data", demo.id(), answers(demo));
                LOG.infof("registered and screened demo patient %s of %s", demo.id(), demo.clinicId());
            }
        }
    }

    private ScreeningAnswers answers(DemoPatient demo) {
        BpReading bloodPressure = BpReading.single(new BloodPressure(122, 76), clock.instant().minusSeconds(120));
        return new ScreeningAnswers(false, demo.glaucoma(), false, false, null, false, null, demo.hypertension(), bloodPressure,
                false, List.of(), Osteoporosis.NONE, false, false, null, false, false, false, false, new BigDecimal("74"), false);
    }
}
