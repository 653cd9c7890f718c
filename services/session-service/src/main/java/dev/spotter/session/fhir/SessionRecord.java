package dev.spotter.session.fhir;

import dev.spotter.platform.fhir.FhirExport;
import dev.spotter.session.model.InversionEntry;
import dev.spotter.session.model.KnownPatient;
import dev.spotter.session.model.Session;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

/** session-service's part of a patient's record as a FHIR R4 collection Bundle: every session with its observations. */
@ApplicationScoped
public class SessionRecord {

    @Inject
    Clock clock;

    /** The patient's sessions, oldest first, or a 404 when the caller's clinic has no such patient. */
    @Transactional
    public Bundle export(String clinicId, UUID patientId) {
        KnownPatient.inClinic(clinicId, patientId);
        List<Resource> resources = new ArrayList<>();
        Session.<Session>list("patientId = ?1 and clinicId = ?2 order by startedAt", patientId, clinicId).forEach(session -> resources.addAll(
                FhirSession.of(session, InversionEntry.list("sessionId = ?1 and clinicId = ?2 order by at", session.id, clinicId))));
        return FhirExport.collection(UUID.randomUUID(), clock.instant(), resources);
    }
}
