package dev.spotter.screening.rest;

import dev.spotter.platform.problem.ProblemException;
import dev.spotter.platform.security.CallerClinic;
import dev.spotter.platform.security.Roles;
import dev.spotter.screening.model.Patient;
import dev.spotter.screening.service.PatientService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The clinic's patient list, where staff register a patient before screening. */
@Path("/api/patients")
@RolesAllowed({Roles.TABLET, Roles.CLINICIAN, Roles.CLINIC_ADMIN})
public class PatientResource {

    public record RegisterPatientRequest(@NotBlank @Size(max = 120) String displayName) {
    }

    public record PatientView(UUID id, String clinicId, String displayName, Instant registeredAt) {

        static PatientView of(Patient patient) {
            return new PatientView(patient.id, patient.clinicId, patient.displayName, patient.registeredAt);
        }
    }

    @Inject
    PatientService patients;

    @Inject
    CallerClinic caller;

    @POST
    @APIResponse(responseCode = "201", description = "The patient, registered",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PatientView.class)))
    public Response register(@Valid @NotNull RegisterPatientRequest request, @Context UriInfo uri) {
        Patient patient = patients.register(caller.id(), caller.user(), UUID.randomUUID(), request.displayName());
        return Response.created(uri.getAbsolutePathBuilder().path(patient.id.toString()).build())
                .entity(PatientView.of(patient)).build();
    }

    @GET
    public List<PatientView> list() {
        return patients.list(caller.id()).stream().map(PatientView::of).toList();
    }

    @GET
    @Path("/{id}")
    public PatientView get(@PathParam("id") UUID id) {
        return patients.find(caller.id(), id).map(PatientView::of).orElseThrow(() -> ProblemException.notFound("Patient", id));
    }
}
