package dev.spotter.alert.rest;

import dev.spotter.alert.fhir.AlertRecord;
import dev.spotter.platform.fhir.FhirExport;
import dev.spotter.platform.security.CallerClinic;
import dev.spotter.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

/** alert-service's part of a patient's record as FHIR R4 (docs/fhir.md), for the clinic's clinicians and admins. */
@Path("/api/alerts/patients/{patientId}/fhir")
@RolesAllowed({Roles.CLINICIAN, Roles.CLINIC_ADMIN})
public class PatientRecordResource {

    @Inject
    AlertRecord record;

    @Inject
    CallerClinic caller;

    @GET
    @Produces({FhirExport.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    public String export(@PathParam("patientId") UUID patientId) {
        return FhirExport.json(record.export(caller.id(), patientId));
    }
}
