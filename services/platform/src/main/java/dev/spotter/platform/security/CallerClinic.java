package dev.spotter.platform.security;

import dev.spotter.events.ClinicIds;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import jakarta.ws.rs.ForbiddenException;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The clinic and user of the current request, from the bearer token's {@code clinic} claim.
 * Every query and every write of a request is scoped by {@link #id()}: there is no other way in.
 */
@RequestScoped
public class CallerClinic {

    public static final String CLAIM = "clinic";

    @Inject
    JsonWebToken token;

    @Inject
    SecurityIdentity identity;

    public String id() {
        String clinicId = clinicOf(identity);
        if (clinicId == null) {
            throw new ForbiddenException("the token names no clinic");
        }
        return clinicId;
    }

    /**
     * The clinic the signed-in user's token names, or null (anonymous, no clinic claim, or a malformed one): read once
     * per request by {@link ClinicAttribute}, since every read of a custom claim costs smallrye-jwt an exception.
     */
    public static String clinicOf(SecurityIdentity identity) {
        if (identity.getAttributes().containsKey(ClinicAttribute.NAME)) {
            return identity.getAttribute(ClinicAttribute.NAME);
        }
        return identity.getPrincipal() instanceof JsonWebToken token ? clinicOf(token) : null;
    }

    /** The clinic a token names, or null when it names none or not a well-formed one. */
    public static String clinicOf(JsonWebToken token) {
        Object clinic = token.getClaim(CLAIM);
        String clinicId = clinic instanceof JsonString json ? json.getString() : clinic == null ? null : clinic.toString();
        return ClinicIds.isValid(clinicId) ? clinicId : null;
    }

    public String user() {
        return token.getName();
    }
}
