package dev.spotter.screening.rest;

import dev.spotter.platform.security.CallerClinic;
import dev.spotter.platform.security.Roles;
import dev.spotter.screening.model.PhysicianClearance;
import dev.spotter.screening.service.ClearanceService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
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
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Physicians' clearances of a patient: a clinician records one from the physician's letter. */
@Path("/api/patients/{patientId}/clearances")
public class ClearanceResource {

    /** The physician's clearance as entered: scope lists the rule ids it clears (S5-S11 can be cleared). */
    public record ClearanceRequest(
            @NotBlank @Size(max = 120) String physicianName,
            @NotBlank @Size(max = 60) String physicianId,
            @NotNull LocalDate issuedOn,
            @NotEmpty List<@NotBlank String> scope,
            @Min(50) @Max(300) Integer bpCeilingSystolic,
            @Min(30) @Max(200) Integer bpCeilingDiastolic,
            LocalDate expiresOn) {
    }

    public record ClearanceView(UUID id, UUID patientId, String physicianName, String physicianId, LocalDate issuedOn,
                                List<String> scope, Integer bpCeilingSystolic, Integer bpCeilingDiastolic, LocalDate expiresOn,
                                Instant recordedAt, String recordedBy) {

        static ClearanceView of(PhysicianClearance c) {
            return new ClearanceView(c.id, c.patientId, c.physicianName, c.physicianId, c.issuedOn, List.of(c.scope.split(",")),
                    c.bpCeilingSystolic, c.bpCeilingDiastolic, c.expiresOn, c.recordedAt, c.recordedBy);
        }
    }

    @Inject
    ClearanceService clearances;

    @Inject
    CallerClinic caller;

    @POST
    @RolesAllowed({Roles.CLINICIAN, Roles.CLINIC_ADMIN})
    @APIResponse(responseCode = "201", description = "The clearance, recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClearanceView.class)))
    public Response record(@PathParam("patientId") UUID patientId, @Valid @NotNull ClearanceRequest request, @Context UriInfo uri) {
        var clearance = clearances.record(caller.id(), caller.user(), patientId, new ClearanceService.NewClearance(
                request.physicianName(), request.physicianId(), request.issuedOn(), request.scope(),
                request.bpCeilingSystolic(), request.bpCeilingDiastolic(), request.expiresOn()));
        return Response.created(uri.getAbsolutePathBuilder().path(clearance.id.toString()).build())
                .entity(ClearanceView.of(clearance)).build();
    }

    @GET
    @RolesAllowed({Roles.TABLET, Roles.CLINICIAN, Roles.CLINIC_ADMIN})
    public List<ClearanceView> list(@PathParam("patientId") UUID patientId) {
        return clearances.list(caller.id(), patientId).stream().map(ClearanceView::of).toList();
    }
}
