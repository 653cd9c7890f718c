package dev.spotter.screening.demo;

import dev.spotter.screening.service.PatientService;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The demo patients of the local run ({@code spotter.demo.enabled=true}): registered through the
 * normal path, so their events reach the other services like any other patient's.
 */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);

    record DemoPatient(UUID id, String clinicId, String displayName) {
    }

    static final List<DemoPatient> PATIENTS = List.of(
            new DemoPatient(UUID.fromString("00000000-0000-4000-8000-00000000a001"), "northside", "Ana Ferreira"),
            new DemoPatient(UUID.fromString("00000000-0000-4000-8000-00000000a002"), "northside", "Ben Okafor"),
            new DemoPatient(UUID.fromString("00000000-0000-4000-8000-00000000a003"), "northside", "Chloe Martin"),
            new DemoPatient(UUID.fromString("00000000-0000-4000-8000-00000000b001"), "riverside", "Dev Patel"),
            new DemoPatient(UUID.fromString("00000000-0000-4000-8000-00000000b002"), "riverside", "Eva Lindqvist"));

    @Inject
    PatientService patients;

    @ConfigProperty(name = "spotter.demo.enabled", defaultValue = "false")
    boolean enabled;

    void seed(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        for (DemoPatient demo : PATIENTS) {
            if (!patients.exists(demo.id())) {
                patients.register(demo.clinicId(), "demo-data", demo.id(), demo.displayName());
                LOG.infof("registered demo patient %s of %s", demo.id(), demo.clinicId());
            }
        }
    }
}
