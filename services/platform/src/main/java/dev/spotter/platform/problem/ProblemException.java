package dev.spotter.platform.problem;

import jakarta.ws.rs.core.Response;
import java.util.List;

/** A refusal the caller can act on, answered as problem details with its status. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final List<Problem.FieldError> errors;

    public ProblemException(int status, String slug, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    /** 400: a field's value is not acceptable (unknown code, wrong shape). */
    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(400, "invalid-request", "The request is not valid", field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    /** 400: fields that are only acceptable together (both or neither, at least one), each named. */
    public static ProblemException invalidFields(List<String> fields, String message) {
        return new ProblemException(400, "invalid-request", "The request is not valid", String.join(", ", fields) + ": " + message,
                fields.stream().map(field -> new Problem.FieldError(field, message)).toList());
    }

    /** 404: nothing of that kind with that id in the caller's clinic. */
    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, "not-found", what + " not found", "No " + what.toLowerCase() + " " + id + " in your clinic", List.of());
    }

    /** 409: the request conflicts with the current state. */
    public static ProblemException conflict(String slug, String title, String detail) {
        return new ProblemException(409, slug, title, detail, List.of());
    }

    /** 422: well-formed, but the rules refuse it; {@code field} says which input. */
    public static ProblemException refused(String slug, String field, String detail) {
        return new ProblemException(422, slug, "The request was refused", detail, List.of(new Problem.FieldError(field, detail)));
    }

    public Problem toProblem() {
        return new Problem(Problem.typeOf(slug), title, status, getMessage(), errors);
    }

    /**
     * The problem as a response to return rather than throw: for a refusal that is itself recorded (a refused session
     * kept for the record), so the transaction that recorded it commits.
     */
    public Response toResponse() {
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(toProblem()).build();
    }

    public int status() {
        return status;
    }
}
