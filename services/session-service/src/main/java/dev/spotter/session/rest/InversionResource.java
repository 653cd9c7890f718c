package dev.spotter.session.rest;

import dev.spotter.clinical.BloodPressure;
import dev.spotter.platform.idempotency.Idempotent;
import dev.spotter.platform.security.CallerClinic;
import dev.spotter.platform.security.Roles;
import dev.spotter.session.rest.SessionViews.AngleRequest;
import dev.spotter.session.rest.SessionViews.InversionEntryView;
import dev.spotter.session.rest.SessionViews.PostCheckRequest;
import dev.spotter.session.rest.SessionViews.SessionView;
import dev.spotter.session.service.CompletionService;
import dev.spotter.session.service.InversionService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The tablet's log of a session under way: a hold at an angle, a change of angle, upright, its heartbeat, and the post-session check. */
@Path("/api/sessions/{id}")
@RolesAllowed({Roles.TABLET, Roles.CLINICIAN})
public class InversionResource {

    @Inject
    InversionService inversion;

    @Inject
    CompletionService completion;

    @Inject
    CallerClinic caller;

    @Inject
    SessionViews views;

    @POST
    @Path("/holds")
    @Idempotent
    @Transactional
    public SessionView startHold(@PathParam("id") UUID id, @Valid @NotNull AngleRequest request) {
        return views.of(inversion.startHold(caller.id(), caller.user(), id, request.angleDegrees()));
    }

    @PUT
    @Path("/angle")
    @Idempotent
    @Transactional
    public SessionView changeAngle(@PathParam("id") UUID id, @Valid @NotNull AngleRequest request) {
        return views.of(inversion.changeAngle(caller.id(), caller.user(), id, request.angleDegrees()));
    }

    @POST
    @Path("/upright")
    @Idempotent
    @Transactional
    public SessionView upright(@PathParam("id") UUID id) {
        return views.of(inversion.upright(caller.id(), caller.user(), id));
    }

    /** The post-session check completes the session; refused until the patient has sat 3 minutes upright. */
    @POST
    @Path("/post-check")
    @Idempotent
    @Transactional
    public SessionView postCheck(@PathParam("id") UUID id, @Valid @NotNull PostCheckRequest request) {
        var check = new CompletionService.PostCheck(new BloodPressure(request.bloodPressure().systolic(), request.bloodPressure().diastolic()),
                request.heartRate(), request.painAfter(), request.spotterSignOff());
        return views.of(completion.complete(caller.id(), id, check));
    }

    /**
     * The tablet says it is still there; while a patient is inverted, 45 s of silence is an alert. Not {@link Idempotent}:
     * sent again, it says the same again, and keeping an answer per heartbeat would fill the idempotency store.
     */
    @POST
    @Path("/heartbeat")
    @APIResponse(responseCode = "204", description = "Heard")
    public void heartbeat(@PathParam("id") UUID id) {
        inversion.heartbeat(caller.id(), id);
    }

    @GET
    @Path("/inversion")
    @RolesAllowed({Roles.TABLET, Roles.CLINICIAN, Roles.CLINIC_ADMIN})
    public List<InversionEntryView> entries(@PathParam("id") UUID id) {
        return inversion.entries(caller.id(), id).stream().map(InversionEntryView::of).toList();
    }
}
