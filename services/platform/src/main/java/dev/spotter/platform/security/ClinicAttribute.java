package dev.spotter.platform.security;

import dev.spotter.platform.tracing.Spans;
import io.opentelemetry.api.trace.Span;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Reads the token's clinic once, when the request is authenticated, into an attribute of its identity: the request's
 * scoping, its database connections' row-level security and its audit entry all ask for it, and smallrye-jwt answers
 * every read of a custom claim by throwing and catching an exception (seen in the CPU profile of the load test).
 */
@ApplicationScoped
public class ClinicAttribute implements SecurityIdentityAugmentor {

    /** The identity attribute holding the clinic id; absent when the token names none. */
    public static final String NAME = "spotter.clinic";

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (!(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        String clinic = CallerClinic.clinicOf(token);
        if (clinic != null) {
            Span.current().setAttribute(Spans.CLINIC, clinic); // the request's server span: traces are found by tenant
        }
        return Uni.createFrom().item(clinic == null ? identity
                : QuarkusSecurityIdentity.builder(identity).addAttribute(NAME, clinic).build());
    }
}
