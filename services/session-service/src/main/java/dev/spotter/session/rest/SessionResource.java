package dev.spotter.session.rest;

import dev.spotter.clinical.BloodPressure;
import dev.spotter.platform.idempotency.Idempotent;
import dev.spotter.platform.problem.Problem;
import dev.spotter.platform.problem.ProblemException;
import dev.spotter.platform.security.CallerClinic;
import dev.spotter.platform.security.Roles;
import dev.spotter.session.model.SessionStatus;
import dev.spotter.session.rest.SessionViews.LogSymptomRequest;
import dev.spotter.session.rest.SessionViews.SessionView;
import dev.spotter.session.rest.SessionViews.StartSessionRequest;
import dev.spotter.session.rest.SessionViews.SymptomView;
import dev.spotter.session.service.SessionService;
import dev.spotter.session.stream.SessionStream;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The tablet's session API: start a session, log symptoms, read a session with its alert status, follow the clinic's sessions live. */
@Path("/api/sessions")
public class SessionResource {

    @Inject
    SessionService sessions;

    @Inject
    CallerClinic caller;

    @Inject
    SessionViews views;

    @Inject
    SessionStream stream;

    @POST
    @Idempotent
    @RolesAllowed({Roles.TABLET, Roles.CLINICIAN})
    @APIResponse(responseCode = "201", description = "The session, started",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionView.class)))
    public Response start(@Valid @NotNull StartSessionRequest request, @Context UriInfo uri) {
        var preCheck = new SessionService.PreCheck(new BloodPressure(request.bloodPressure().systolic(), request.bloodPressure().diastolic()),
                request.heartRate(), request.painBefore());
        var started = sessions.start(caller.id(), caller.user(), request.patientId(), request.spotter(), preCheck,
                request.angleDegrees(), request.holdSeconds());
        if (started.refusal().isPresent()) {
            var refusal = started.refusal().get();
            // returned, not thrown: the refused session and its alert are recorded and must commit with the stored answer
            return new ProblemException(refusal.status(), refusal.slug(), "The session cannot start", refusal.detail() + " Session "
                    + started.session().id + " records the reading.", List.of(new Problem.FieldError(refusal.field(), refusal.detail())))
                    .toResponse();
        }
        return Response.created(uri.getAbsolutePathBuilder().path(started.session().id.toString()).build())
                .entity(views.of(started.session())).build();
    }

    @GET
    @Transactional
    @RolesAllowed({Roles.TABLET, Roles.CLINICIAN, Roles.CLINIC_ADMIN})
    public List<SessionView> list(@QueryParam("status") SessionStatus status) {
        return sessions.list(caller.id(), Optional.ofNullable(status)).stream().map(views::of).toList();
    }

    /** Server-sent events: {@code subscribed} at once, then {@code session-updated} with a session's view, for this clinic only. */
    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    // a void method would be documented as 204 No Content; the document says what the answer is: a stream of events
    @APIResponse(responseCode = "200", description = "The clinic's live events",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS))
    @RolesAllowed({Roles.TABLET, Roles.CLINICIAN, Roles.CLINIC_ADMIN})
    public void stream(@Context SseEventSink sink, @Context Sse sse) {
        stream.subscribe(caller.id(), sink, sse);
    }

    @GET
    @Path("/{id}")
    @Transactional
    @RolesAllowed({Roles.TABLET, Roles.CLINICIAN, Roles.CLINIC_ADMIN})
    public SessionView get(@PathParam("id") UUID id) {
        return sessions.find(caller.id(), id).map(views::of)
                .orElseThrow(() -> ProblemException.notFound("Session", id));
    }

    @POST
    @Path("/{id}/symptoms")
    @Idempotent
    @RolesAllowed({Roles.TABLET, Roles.CLINICIAN})
    @APIResponse(responseCode = "201", description = "The symptom, logged, with what to do now",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SymptomView.class)))
    public Response logSymptom(@PathParam("id") UUID id, @Valid @NotNull LogSymptomRequest request, @Context UriInfo uri) {
        var logged = sessions.logSymptom(caller.id(), caller.user(), id, request.code(),
                Boolean.TRUE.equals(request.lastedOverFiveMinutes()), Boolean.TRUE.equals(request.matchesKnownSciaticPattern()));
        return Response.created(uri.getAbsolutePathBuilder().path(logged.id.toString()).build())
                .entity(SymptomView.of(logged)).build();
    }
}
