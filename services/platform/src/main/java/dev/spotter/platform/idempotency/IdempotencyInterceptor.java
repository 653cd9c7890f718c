package dev.spotter.platform.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spotter.platform.problem.ProblemException;
import dev.spotter.platform.security.CallerClinic;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Runs an {@link Idempotent} request once per clinic and key: the key is claimed, the effect runs and the answer is
 * stored, all in one transaction that wraps the resource's own. A retry waits for a concurrent first attempt, then
 * gets its answer; a failed attempt stores nothing, so its retry runs afresh. A key reused for another request is a 422.
 */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class IdempotencyInterceptor {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{8,100}");

    @Inject
    RoutingContext request;

    @Inject
    CallerClinic caller;

    @Inject
    IdempotentRequests requests;

    @Inject
    ObjectMapper json;

    @AroundInvoke
    Object once(InvocationContext invocation) throws Exception {
        String key = request.request().getHeader(Idempotent.HEADER);
        if (key == null) {
            return invocation.proceed();
        }
        if (!KEY.matcher(key).matches()) {
            throw ProblemException.invalidField(Idempotent.HEADER, "8 to 100 letters, digits or . _ : - (a UUID will do)");
        }
        String fingerprint = fingerprint(invocation);
        return QuarkusTransaction.requiringNew().call(() -> {
            Optional<IdempotentRequests.Answer> earlier = requests.claim(caller.id(), key, fingerprint);
            if (earlier.isPresent()) {
                return replay(invocation, earlier.get());
            }
            Object result = invocation.proceed();
            requests.answer(caller.id(), key, answerOf(result));
            return result;
        });
    }

    /** The method, the path and the request's own arguments (path parameters and body), not the framework's. */
    private String fingerprint(InvocationContext invocation) throws Exception {
        List<Object> arguments = Arrays.stream(invocation.getParameters()).filter(IdempotencyInterceptor::isRequestValue).toList();
        return request.request().method() + " " + request.request().path() + " " + json.writeValueAsString(arguments);
    }

    private static boolean isRequestValue(Object argument) {
        return argument == null || argument.getClass().isRecord() || argument instanceof CharSequence
                || argument instanceof Number || argument instanceof Boolean || argument instanceof Enum<?>
                || argument instanceof UUID;
    }

    private IdempotentRequests.Answer answerOf(Object result) throws Exception {
        if (result instanceof Response response) {
            Object entity = response.getEntity();
            return new IdempotentRequests.Answer(response.getStatus(),
                    response.getMediaType() == null ? null : response.getMediaType().toString(),
                    entity == null ? null : json.writeValueAsString(entity),
                    response.getLocation() == null ? null : response.getLocation().toString());
        }
        return new IdempotentRequests.Answer(result == null ? 204 : 200, null, result == null ? null : json.writeValueAsString(result), null);
    }

    private Object replay(InvocationContext invocation, IdempotentRequests.Answer answer) throws Exception {
        request.put(Idempotent.REPLAYED_HEADER, Boolean.TRUE);
        Class<?> returns = invocation.getMethod().getReturnType();
        if (returns == Response.class) {
            Response.ResponseBuilder response = Response.status(answer.status());
            if (answer.body() != null) {
                response.entity(answer.body()).type(answer.contentType() == null ? "application/json" : answer.contentType());
            }
            if (answer.location() != null) {
                response.header("Location", answer.location());
            }
            return response.build();
        }
        if (returns == void.class || answer.body() == null) {
            return null;
        }
        return json.readValue(answer.body(), json.constructType(invocation.getMethod().getGenericReturnType()));
    }
}
