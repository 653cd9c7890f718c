package dev.spotter.screening.rest;

import dev.spotter.events.screening.ProtocolPlan;
import dev.spotter.platform.security.CallerClinic;
import dev.spotter.platform.security.Roles;
import dev.spotter.screening.service.PlanService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;

/** A patient's protocol plan; a clinician changes it within the hard limits of the clinical rules. */
@Path("/api/patients/{patientId}/plan")
public class PlanResource {

    /** The plan's values, each within the range the clinical rules allow. */
    public record PlanRequest(
            @NotNull @Min(15) @Max(30) Integer startAngleDegrees,
            @NotNull @Min(30) @Max(120) Integer startHoldSeconds,
            @NotNull @Min(15) @Max(30) Integer firstTwoWeeksCeilingDegrees,
            @NotNull @Min(15) @Max(60) Integer maxAngleDegrees,
            @NotNull @Min(30) @Max(180) Integer maxHoldSeconds,
            @NotNull @Min(30) @Max(300) Integer maxTotalSecondsPerSession,
            @NotNull @Min(1) @Max(4) Integer maxSessionsPerWeek) {

        ProtocolPlan toPlan() {
            return new ProtocolPlan(startAngleDegrees, startHoldSeconds, firstTwoWeeksCeilingDegrees, maxAngleDegrees, maxHoldSeconds,
                    maxTotalSecondsPerSession, maxSessionsPerWeek);
        }
    }

    @Inject
    PlanService plans;

    @Inject
    CallerClinic caller;

    @GET
    @RolesAllowed({Roles.TABLET, Roles.CLINICIAN, Roles.CLINIC_ADMIN})
    public ProtocolPlan get(@PathParam("patientId") UUID patientId) {
        return plans.get(caller.id(), patientId);
    }

    @PUT
    @RolesAllowed(Roles.CLINICIAN)
    public ProtocolPlan change(@PathParam("patientId") UUID patientId, @Valid @NotNull PlanRequest request) {
        return plans.change(caller.id(), caller.user(), patientId, request.toPlan());
    }
}
