package dev.spotter.platform.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every refusal into RFC 9457 problem details that name the offending field. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return e.toResponse();
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return respond(new Problem(Problem.typeOf("invalid-request"), "The request is not valid", 400, detail, errors));
    }

    @ServerExceptionMapper({MismatchedInputException.class, JsonMappingException.class})
    public Response unmappable(JsonMappingException e) {
        String field = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        String message = field.isEmpty() ? "the body does not have the expected shape" : "wrong type or value";
        List<Problem.FieldError> errors = field.isEmpty() ? List.of() : List.of(new Problem.FieldError(field, message));
        return respond(new Problem(Problem.typeOf("invalid-request"), "The request is not valid", 400,
                (field.isEmpty() ? "" : field + ": ") + message, errors));
    }

    @ServerExceptionMapper
    public Response malformed(JsonParseException e) {
        return respond(new Problem(Problem.typeOf("malformed-json"), "The body is not valid JSON", 400,
                "malformed JSON at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr(), List.of()));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        // Quarkus' JSON reader wraps what Jackson could not read (broken JSON, a number too big) in a bare 400
        if (e.getCause() instanceof JsonProcessingException unread) {
            return unreadable(unread);
        }
        int status = e.getResponse().getStatus();
        String title = Response.Status.fromStatusCode(status) == null ? "Error" : Response.Status.fromStatusCode(status).getReasonPhrase();
        Response response = respond(new Problem(Problem.typeOf("http-" + status), title, status, e.getMessage(), List.of()));
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type")) {
                values.forEach(value -> response.getHeaders().add(name, value));
            }
        });
        return response;
    }

    private Response unreadable(JsonProcessingException e) {
        return switch (e) {
            case JsonMappingException mapping -> unmappable(mapping);
            case JsonParseException parse -> malformed(parse);
            case InputCoercionException number -> outOfRange(number);
            default -> respond(new Problem(Problem.typeOf("malformed-json"), "The body is not valid JSON", 400,
                    e.getOriginalMessage(), List.of()));
        };
    }

    /** A number too big for its field: the parser refuses it before any mapping, so the field is where the parser stood. */
    private static Response outOfRange(InputCoercionException e) {
        String field = fieldAt(e.getProcessor());
        String message = "out of range for " + e.getTargetType().getSimpleName().toLowerCase(Locale.ROOT);
        List<Problem.FieldError> errors = field.isEmpty() ? List.of() : List.of(new Problem.FieldError(field, message));
        return respond(new Problem(Problem.typeOf("invalid-request"), "The request is not valid", 400,
                (field.isEmpty() ? "" : field + ": ") + message, errors));
    }

    private static String fieldAt(JsonParser parser) {
        List<String> path = new ArrayList<>();
        for (JsonStreamContext at = parser == null ? null : parser.getParsingContext(); at != null && !at.inRoot(); at = at.getParent()) {
            path.addFirst(at.inArray() ? "[" + at.getCurrentIndex() + "]" : at.getCurrentName());
        }
        return String.join(".", path).replace(".[", "[");
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** The JSON path of the value at fault: the bean properties below the method parameter, else the parameter. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        List<String> properties = new ArrayList<>();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
            } else if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                properties.add(node.getIndex() == null ? node.getName() : node.getName() + "[" + node.getIndex() + "]");
            }
        }
        return properties.isEmpty() ? String.valueOf(parameter) : String.join(".", properties);
    }
}
