package dev.spotter.platform.audit;

import dev.spotter.platform.config.SpotterConfig;
import dev.spotter.platform.problem.ProblemException;
import dev.spotter.platform.security.CallerClinic;
import dev.spotter.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * A clinic admin reads their clinic's audit log of this service; operations staff check every clinic's hash chain.
 * Each service keeps its own log under {@code /api/audit/<service-name>}, so one ingress host can route to all three.
 */
@Path("/api/audit/{service}")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    AuditLog log;

    @Inject
    CallerClinic caller;

    @Inject
    SpotterConfig config;

    @PathParam("service")
    String service;

    public record Chains(boolean intact, List<AuditChain.Verification> clinics) {
    }

    /** Newest first; page with {@code before} = the last {@code seq} seen. */
    @GET
    @APIResponse(responseCode = "200", description = "The clinic's entries, newest first", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = AuditEntry.class),
            examples = @ExampleObject(name = "entries", value = """
                    [{"seq": 42, "clinicId": "northside", "at": "2026-11-22T08:15:02.120Z", "actor": "dr.north",
                      "roles": "clinician", "action": "POST /api/alerts/{id}/acknowledge",
                      "target": "/api/alerts/6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f/acknowledge", "status": 200,
                      "prevHash": "9f2b5c0d4e1a7f3c8b6d2e0a1f4c7b9d3e5a8c1f0b2d4e6a8c0e2f4a6b8d0c1e",
                      "hash": "1c3e5a7b9d0f2e4c6a8b0d1f3e5c7a9b2d4f6e8a0c1e3f5a7b9d0c2e4f6a8b0d"}]""")))
    @RolesAllowed(Roles.CLINIC_ADMIN)
    public List<AuditEntry> entries(@QueryParam("since") String since, @QueryParam("until") String until,
                                    @QueryParam("actor") String actor, @QueryParam("before") Long before,
                                    @QueryParam("limit") Integer limit) throws SQLException {
        requireThisService();
        int count = limit == null ? 100 : limit;
        if (count < 1 || count > 1000) {
            throw ProblemException.invalidField("limit", "must be between 1 and 1000");
        }
        if (before != null && before < 1) {
            throw ProblemException.invalidField("before", "must be a positive seq");
        }
        if (actor != null && (actor.isBlank() || actor.length() > 200)) {
            throw ProblemException.invalidField("actor", "must be a user name of 1 to 200 characters");
        }
        return log.entries(caller.id(), before, instant("since", since), instant("until", until), actor, count);
    }

    @GET
    @Path("verify")
    @APIResponse(responseCode = "200", description = "Whether every clinic's chain is intact", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Chains.class),
            examples = @ExampleObject(name = "intact", value = """
                    {"intact": true, "clinics": [{"clinicId": "northside", "entries": 1204, "brokenAt": null, "problem": null},
                                                 {"clinicId": "riverside", "entries": 877, "brokenAt": null, "problem": null}]}""")))
    @RolesAllowed(Roles.OPS)
    public Chains verify() {
        requireThisService();
        List<AuditChain.Verification> clinics = log.verify();
        return new Chains(clinics.stream().allMatch(AuditChain.Verification::intact), clinics);
    }

    private void requireThisService() {
        if (!config.serviceName().equals(service)) {
            throw new ProblemException(404, "not-found", "No such audit log", "this is " + config.serviceName()
                    + ": its audit log is at /api/audit/" + config.serviceName(), List.of());
        }
    }

    private static Instant instant(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field, "must be an instant such as 2026-11-22T08:00:00Z");
        }
    }
}
