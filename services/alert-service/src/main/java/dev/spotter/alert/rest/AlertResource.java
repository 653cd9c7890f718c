package dev.spotter.alert.rest;

import dev.spotter.alert.service.AlertActions;
import dev.spotter.alert.service.AlertService;
import dev.spotter.alert.stream.AlertStream;
import dev.spotter.platform.idempotency.Idempotent;
import dev.spotter.platform.problem.ProblemException;
import dev.spotter.platform.security.CallerClinic;
import dev.spotter.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The clinic's alerts: a list, one alert, the live stream, and what people do with one (acknowledge, resolve, cancel). */
@Path("/api/alerts")
@RolesAllowed({Roles.CLINICIAN, Roles.CLINIC_ADMIN})
public class AlertResource {

    @Inject
    AlertService alerts;

    @Inject
    AlertStream stream;

    @Inject
    AlertActions actions;

    @Inject
    CallerClinic caller;

    public record ResolveRequest(@NotBlank @Size(max = 2000) String outcome) {
    }

    public record CancelRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    @GET
    @Transactional
    public List<AlertView> list() {
        return AlertView.all(alerts.list(caller.id()));
    }

    @GET
    @Path("/{id}")
    @Transactional
    public AlertView get(@PathParam("id") UUID id) {
        return alerts.find(caller.id(), id).map(AlertView::of).orElseThrow(() -> ProblemException.notFound("Alert", id));
    }

    /** The clinician has it in hand: escalation stops for everyone. */
    @POST
    @Path("/{id}/acknowledge")
    @Idempotent
    @Transactional
    @RolesAllowed(Roles.CLINICIAN)
    public AlertView acknowledge(@PathParam("id") UUID id) {
        return AlertView.of(actions.acknowledge(caller.id(), caller.user(), id));
    }

    /** What the clinician found and did closes the alert. */
    @POST
    @Path("/{id}/resolve")
    @Idempotent
    @Transactional
    @RolesAllowed(Roles.CLINICIAN)
    public AlertView resolve(@PathParam("id") UUID id, @Valid @NotNull ResolveRequest request) {
        return AlertView.of(actions.resolve(caller.id(), caller.user(), id, request.outcome()));
    }

    /** Entered in error, at source (the tablet) or by a clinician: paging stops and everyone paged is told. */
    @POST
    @Path("/{id}/cancel")
    @Idempotent
    @Transactional
    @RolesAllowed({Roles.TABLET, Roles.CLINICIAN})
    public AlertView cancel(@PathParam("id") UUID id, @Valid @NotNull CancelRequest request) {
        return AlertView.of(actions.cancel(caller.id(), caller.user(), id, request.reason()));
    }

    /** Server-sent events: {@code subscribed} at once, then {@code alert-raised} and {@code alert-updated} for this clinic only. */
    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    // a void method would be documented as 204 No Content; the document says what the answer is: a stream of events
    @APIResponse(responseCode = "200", description = "The clinic's live events",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS))
    public void stream(@Context SseEventSink sink, @Context Sse sse) {
        stream.subscribe(caller.id(), sink, sse);
    }
}
