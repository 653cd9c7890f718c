package dev.spotter.platform.security;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Clock;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Puts {@link VerifiedTokens} in front of the bearer-token parser the request authentication uses. */
@Decorator
@Priority(10)
public abstract class VerifiedTokenParser implements JWTParser {

    @Inject
    @Delegate
    @Any
    JWTParser parser;

    @Inject
    Clock clock;

    @Inject
    VerifiedTokens verified;

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JsonWebToken known = verified.get(token, clock.instant());
        if (known != null) {
            return known;
        }
        JsonWebToken checked = parser.parse(token);
        verified.put(token, checked, clock.instant());
        return checked;
    }
}
