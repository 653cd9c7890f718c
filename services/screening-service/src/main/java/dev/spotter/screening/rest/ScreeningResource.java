package dev.spotter.screening.rest;

import dev.spotter.events.screening.PatientEligibility;
import dev.spotter.platform.security.CallerClinic;
import dev.spotter.platform.security.Roles;
import dev.spotter.screening.domain.Reason;
import dev.spotter.screening.mapping.StoredJson;
import dev.spotter.screening.model.Screening;
import dev.spotter.screening.rest.ScreeningRequests.AnswersRequest;
import dev.spotter.screening.service.EligibilityService;
import dev.spotter.screening.service.ScreeningService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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

/** A patient's screenings: submit the questionnaire's answers, read the outcomes, and whether the patient may start a session. */
@Path("/api/patients/{patientId}")
@RolesAllowed({Roles.TABLET, Roles.CLINICIAN, Roles.CLINIC_ADMIN})
public class ScreeningResource {

    /** A screening's outcome with every reason, and what it means for sessions now. */
    public record ScreeningView(UUID id, UUID patientId, int questionnaireVersion, String outcome, List<Reason> reasons,
                                String bloodPressureCategory, Instant completedAt, LocalDate validUntil, PatientEligibility eligibility) {
    }

    @Inject
    ScreeningService screenings;

    @Inject
    EligibilityService eligibility;

    @Inject
    StoredJson json;

    @Inject
    CallerClinic caller;

    @POST
    @Path("/screenings")
    @APIResponse(responseCode = "201", description = "The screening, with its outcome and every reason",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ScreeningView.class)))
    public Response submit(@PathParam("patientId") UUID patientId, @Valid @NotNull AnswersRequest answers, @Context UriInfo uri) {
        var completed = screenings.submit(caller.id(), caller.user(), patientId, answers.toAnswers());
        return Response.created(uri.getAbsolutePathBuilder().path(completed.screening().id.toString()).build())
                .entity(view(completed.screening(), completed.eligibility())).build();
    }

    @GET
    @Path("/screenings")
    public List<ScreeningView> history(@PathParam("patientId") UUID patientId) {
        List<Screening> history = screenings.history(caller.id(), patientId);
        PatientEligibility now = eligibility.ofPatient(caller.id(), patientId);
        return history.stream().map(s -> view(s, now)).toList();
    }

    @GET
    @Path("/eligibility")
    public PatientEligibility eligibility(@PathParam("patientId") UUID patientId) {
        return eligibility.ofPatient(caller.id(), patientId);
    }

    private ScreeningView view(Screening screening, PatientEligibility eligibility) {
        return new ScreeningView(screening.id, screening.patientId, screening.questionnaireVersion, screening.outcome,
                json.reasons(screening.reasons), screening.bpCategory, screening.completedAt, screening.validUntil, eligibility);
    }
}
