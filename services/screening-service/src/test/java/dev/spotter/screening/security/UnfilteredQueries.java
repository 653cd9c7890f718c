package dev.spotter.screening.security;

import dev.spotter.screening.model.Patient;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Test-only endpoints that forget the clinic filter on purpose, as a future bug might: row-level security must still
 * keep every other clinic's rows out of a request's reach.
 */
@Path("/api/test/unfiltered")
@Produces(MediaType.APPLICATION_JSON)
public class UnfilteredQueries {

    @GET
    @Path("patients")
    public List<String> everyPatientsClinic() {
        return Patient.<Patient>listAll().stream().map(patient -> patient.clinicId).toList();
    }

    @POST
    @Path("rename-everyone")
    @Transactional
    public int renameEveryPatient() {
        return Patient.update("displayName = displayName || ''");
    }

    @POST
    @Path("patient-of/{clinic}")
    @Transactional
    public String registerInAnyClinic(@jakarta.ws.rs.PathParam("clinic") String clinic) {
        Patient patient = new Patient();
        patient.id = UUID.randomUUID();
        patient.clinicId = clinic;
        patient.displayName = "Planted Patient";
        patient.registeredAt = Instant.now();
        patient.registeredBy = "test";
        patient.persist();
        return patient.id.toString();
    }
}
