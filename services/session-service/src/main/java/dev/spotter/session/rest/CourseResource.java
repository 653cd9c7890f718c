package dev.spotter.session.rest;

import dev.spotter.platform.idempotency.Idempotent;
import dev.spotter.platform.security.CallerClinic;
import dev.spotter.platform.security.Roles;
import dev.spotter.session.domain.SessionStartRules;
import dev.spotter.session.model.ReviewHold;
import dev.spotter.session.service.CourseService;
import dev.spotter.session.service.CourseService.Course;
import dev.spotter.session.service.ReviewService;
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
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** The clinic's patients as the tablet lists them, and the reviews that hold a patient's next session. */
@Path("/api/courses")
@RolesAllowed({Roles.TABLET, Roles.CLINICIAN, Roles.CLINIC_ADMIN})
public class CourseResource {

    public record ReviewView(UUID id, String kind, String cause, String reason, UUID sessionId, Instant createdAt, Instant releasedAt,
                             String releasedBy, String releaseNote) {

        static ReviewView of(ReviewHold hold) {
            return new ReviewView(hold.id, hold.kind.name(), hold.cause, hold.reason, hold.sessionId, hold.createdAt, hold.releasedAt,
                    hold.releasedBy, hold.releaseNote);
        }
    }

    /** {@code whyNot} says why no session may start today (null when one may); {@code activeSessionId} awaits its post-check. */
    public record CourseView(UUID patientId, boolean mayStart, String whyNot, String effectiveOutcome, List<ReviewView> openReviews,
                             UUID activeSessionId, Instant lastSessionAt, long sessionsThisWeek) {

        static CourseView of(Course course) {
            String whyNot = course.refusals().isEmpty() ? null
                    : course.refusals().stream().map(SessionStartRules.Refusal::detail).collect(Collectors.joining(" "));
            return new CourseView(course.patient().patientId, course.refusals().isEmpty(), whyNot, course.patient().effectiveOutcome,
                    course.openReviews().stream().map(ReviewView::of).toList(), course.openSession().map(s -> s.id).orElse(null),
                    course.lastSessionAt(), course.sessionsThisWeek());
        }
    }

    public record ReleaseRequest(@NotBlank @Size(max = 1000) String note) {
    }

    @Inject
    CourseService courses;

    @Inject
    ReviewService reviews;

    @Inject
    CallerClinic caller;

    @GET
    public List<CourseView> list() {
        return courses.list(caller.id()).stream().map(CourseView::of).toList();
    }

    @GET
    @Path("/{patientId}/reviews")
    public List<ReviewView> openReviews(@PathParam("patientId") UUID patientId) {
        return reviews.open(caller.id(), patientId).stream().map(ReviewView::of).toList();
    }

    /** A clinician says the review is done; the note is kept with who released it and when. */
    @POST
    @Path("/{patientId}/reviews/{reviewId}/release")
    @Idempotent
    @RolesAllowed(Roles.CLINICIAN)
    public ReviewView release(@PathParam("patientId") UUID patientId, @PathParam("reviewId") UUID reviewId,
                              @Valid @NotNull ReleaseRequest request) {
        return ReviewView.of(reviews.release(caller.id(), caller.user(), patientId, reviewId, request.note()));
    }
}
