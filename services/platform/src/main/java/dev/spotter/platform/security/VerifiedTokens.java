package dev.spotter.platform.security;

import dev.spotter.platform.config.SpotterConfig;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Bearer tokens whose signature and claims were checked, kept for a short while: a tablet sends the same token with
 * every write, and checking its RSA signature again each time was an eighth of session-service's CPU under load.
 * A token is kept until the earlier of its expiry and {@code maxAge} after it was checked, so a key withdrawn from the
 * provider stops being honoured within {@code maxAge}. Only the exact token string is remembered: any other string,
 * however close, is checked in full.
 */
@Singleton
public class VerifiedTokens {

    private record Verified(JsonWebToken token, Instant until) {
    }

    private final Map<String, Verified> tokens = new ConcurrentHashMap<>();
    private final Duration maxAge;
    private final int maxEntries;

    @Inject
    VerifiedTokens(SpotterConfig config) {
        this(config.security().verifiedTokens().maxAge(), config.security().verifiedTokens().maxEntries());
    }

    public VerifiedTokens(Duration maxAge, int maxEntries) {
        this.maxAge = maxAge;
        this.maxEntries = maxEntries;
    }

    /** The token as checked before, or null when it was not, or no longer may be, trusted without a check. */
    public JsonWebToken get(String raw, Instant now) {
        Verified verified = tokens.get(raw);
        if (verified == null) {
            return null;
        }
        if (!now.isBefore(verified.until())) {
            tokens.remove(raw, verified);
            return null;
        }
        return verified.token();
    }

    /** Remembers a token its parser has just accepted; one without an expiry is kept for {@code maxAge}. */
    public void put(String raw, JsonWebToken token, Instant now) {
        if (maxAge.isZero() || maxEntries == 0) {
            return;
        }
        Instant until = now.plus(maxAge);
        if (token.getClaim(Claims.exp.name()) instanceof Number expiry && Instant.ofEpochSecond(expiry.longValue()).isBefore(until)) {
            until = Instant.ofEpochSecond(expiry.longValue());
        }
        if (tokens.size() >= maxEntries) {
            tokens.values().removeIf(kept -> !now.isBefore(kept.until()));
            if (tokens.size() >= maxEntries) {
                tokens.clear(); // a flood of distinct tokens: start again rather than grow
            }
        }
        tokens.put(raw, new Verified(token, until));
    }

    public int size() {
        return tokens.size();
    }
}
