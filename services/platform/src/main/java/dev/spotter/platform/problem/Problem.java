package dev.spotter.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** An RFC 9457 problem details body; {@code errors} names each offending field. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One field that was wrong, by its JSON path, and why. */
    public record FieldError(String field, String message) {
    }

    public static String typeOf(String slug) {
        return "urn:spotter:problem:" + slug;
    }
}
