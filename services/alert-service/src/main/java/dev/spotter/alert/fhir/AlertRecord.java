package dev.spotter.alert.fhir;

import dev.spotter.alert.model.Alert;
import dev.spotter.alert.model.AlertPage;
import dev.spotter.alert.model.DeliveryAttempt;
import dev.spotter.platform.fhir.FhirExport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

/**
 * alert-service's part of a patient's record as a FHIR R4 collection Bundle: every alert of the caller's clinic about the
 * patient, with its pages. alert-service knows patients only by their alerts, so an id with none (unknown, another
 * clinic's, or a patient never alerted on) gives an empty Bundle: nothing tells them apart.
 */
@ApplicationScoped
public class AlertRecord {

    @Inject
    Clock clock;

    @Transactional
    public Bundle export(String clinicId, UUID patientId) {
        List<Resource> resources = new ArrayList<>();
        for (Alert alert : Alert.<Alert>list("patientId = ?1 and clinicId = ?2 order by raisedAt", patientId, clinicId)) {
            List<AlertPage> pages = AlertPage.of(alert.id);
            resources.add(FhirAlert.request(alert, pages));
            pages.forEach(page -> resources.add(FhirAlert.page(alert, page, DeliveryAttempt.of(page.id))));
        }
        return FhirExport.collection(UUID.randomUUID(), clock.instant(), resources);
    }
}
