package dev.spotter.screening.security;

import dev.spotter.screening.model.Patient;
import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Test-only endpoints that forget the clinic filter on purpose, as a future bug might: row-level security must still
 * keep every other clinic's rows out of a request's reach.
 */
@Path("/api/test/unfiltered")
@Produces(MediaType.APPLICATION_JSON)
public class UnfilteredQueries {

    @Inject
    AgroalDataSource dataSource;

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

    /**
     * The database ends this request's connection before its commit, as when PostgreSQL restarts or the network drops
     * in the middle of a request: the commit fails, and the pool takes back a broken connection.
     */
    @POST
    @Path("lose-my-connection")
    @Transactional
    public void loseMyConnection() throws Exception {
        Object backend = Patient.getEntityManager().createNativeQuery("SELECT pg_backend_pid()").getSingleResult();
        // from another thread: its connection is not this request's
        CompletableFuture.runAsync(() -> {
            try (Connection other = dataSource.getConnection(); Statement end = other.createStatement()) {
                end.execute("SELECT pg_terminate_backend(" + backend + ")");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }).join();
        Thread.sleep(50); // the backend leaves a moment after it is told to
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
