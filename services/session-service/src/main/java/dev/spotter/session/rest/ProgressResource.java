package dev.spotter.session.rest;

import dev.spotter.platform.idempotency.Idempotent;
import dev.spotter.platform.security.CallerClinic;
import dev.spotter.platform.security.Roles;
import dev.spotter.session.domain.Adherence;
import dev.spotter.session.model.OdiScore;
import dev.spotter.session.model.Session;
import dev.spotter.session.service.OutcomeService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** A patient's 8-week course: ODI scores in, and the progress a therapist looks at out. */
@Path("/api/courses/{patientId}")
@RolesAllowed({Roles.TABLET, Roles.CLINICIAN, Roles.CLINIC_ADMIN})
public class ProgressResource {

    public record OdiRequest(@NotNull OdiScore.Point point, @NotNull @Min(0) @Max(100) Integer score) {
    }

    /** One session as the progress chart plots it: planned angle and hold, the angle reached and the time inverted in all. */
    public record SessionPoint(UUID id, Instant startedAt, String status, boolean stoppedBySymptom, Integer painBefore,
                               Integer painAfter, Integer angleDegrees, Integer holdSeconds, int angleReachedDegrees,
                               int secondsInverted) {

        static SessionPoint of(Session s) {
            return new SessionPoint(s.id, s.startedAt, s.status.name(), s.stoppedAt != null, s.painBefore, s.painAfter,
                    s.angleDegrees, s.holdSeconds, s.highestAngleReached(), s.invertedSecondsBefore);
        }
    }

    public record ProgressView(List<SessionPoint> sessions, Map<OdiScore.Point, Integer> odi, boolean responder,
                               List<String> responderCriteria, String response, boolean pausePlan, String deterioration,
                               int sessionsDone, int sessionsPlanned, Integer adherencePercent, List<Adherence.Week> weeks,
                               int adverseHigh, int adverseMedium, int adverseLow) {
    }

    @Inject
    OutcomeService outcomes;

    @Inject
    CallerClinic caller;

    @POST
    @Path("/odi")
    @Idempotent
    @APIResponse(responseCode = "201", description = "The score, recorded")
    public Response recordOdi(@PathParam("patientId") UUID patientId, @Valid @NotNull OdiRequest request) {
        outcomes.recordOdi(caller.id(), caller.user(), patientId, request.point(), request.score());
        return Response.status(Response.Status.CREATED).build();
    }

    @GET
    @Path("/progress")
    public ProgressView progress(@PathParam("patientId") UUID patientId) {
        var p = outcomes.progress(caller.id(), patientId);
        return new ProgressView(p.sessions().stream().map(SessionPoint::of).toList(), p.odi(), p.response().responder(),
                p.response().criteriaMet().stream().map(Enum::name).toList(), p.response().reason(),
                p.deterioration().pausePlan(), p.deterioration().reason(), p.adherence().done(), p.adherence().planned(),
                p.adherence().percent().isPresent() ? p.adherence().percent().getAsInt() : null, p.adherence().weeks(),
                p.adverseEvents().high(), p.adverseEvents().medium(), p.adverseEvents().low());
    }
}
