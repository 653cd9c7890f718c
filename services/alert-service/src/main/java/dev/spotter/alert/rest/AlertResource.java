package dev.spotter.alert.rest;

import dev.spotter.alert.service.AlertService;
import dev.spotter.alert.stream.AlertStream;
import dev.spotter.platform.idempotency.Idempotent;
import dev.spotter.platform.problem.ProblemException;
import dev.spotter.platform.security.CallerClinic;
import dev.spotter.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
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

/** The clinician's view of the clinic's alerts: a list, one alert, and the live stream. */
@Path("/api/alerts")
@RolesAllowed({Roles.CLINICIAN, Roles.CLINIC_ADMIN})
public class AlertResource {

    @Inject
    AlertService alerts;

    @Inject
    AlertStream stream;

    @Inject
    CallerClinic caller;

    @GET
    @Transactional
    public List<AlertView> list() {
        return alerts.list(caller.id()).stream().map(AlertView::of).toList();
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
        return AlertView.of(alerts.acknowledge(caller.id(), caller.user(), id));
    }

    /** Server-sent events: {@code subscribed} at once, then {@code alert-raised} and {@code alert-updated} for this clinic only. */
    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void stream(@Context SseEventSink sink, @Context Sse sse) {
        stream.subscribe(caller.id(), sink, sse);
    }
}
