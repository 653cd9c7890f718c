package dev.spotter.platform.idempotency;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A resource method whose request may carry an {@code Idempotency-Key} header: the first answer is stored with the
 * effect, in one transaction, and a retry with the same key gets that answer again without a second effect.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Idempotent {

    String HEADER = "Idempotency-Key";
    /** Set on an answer that is a stored one, so a client can tell a replay from a first answer. */
    String REPLAYED_HEADER = "Idempotent-Replayed";
}
