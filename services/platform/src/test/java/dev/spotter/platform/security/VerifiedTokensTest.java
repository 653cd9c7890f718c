package dev.spotter.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void a_checked_token_is_trusted_again_as_the_same_string_only() {
        VerifiedTokens tokens = new VerifiedTokens(Duration.ofMinutes(2), 10);
        JsonWebToken token = expiringAt(NOW.plusSeconds(3600));
        tokens.put("header.claims.signature", token, NOW);

        assertThat(tokens.get("header.claims.signature", NOW.plusSeconds(1))).isSameAs(token);
        assertThat(tokens.get("header.claims.signaturf", NOW.plusSeconds(1))).isNull();
    }

    @Test
    void a_token_is_checked_again_once_it_has_expired() {
        VerifiedTokens tokens = new VerifiedTokens(Duration.ofMinutes(2), 10);
        tokens.put("t", expiringAt(NOW.plusSeconds(30)), NOW);

        assertThat(tokens.get("t", NOW.plusSeconds(29))).isNotNull();
        assertThat(tokens.get("t", NOW.plusSeconds(30))).isNull();
        assertThat(tokens.size()).isZero();
    }

    @Test
    void a_long_lived_token_is_checked_again_after_the_maximum_age() {
        VerifiedTokens tokens = new VerifiedTokens(Duration.ofMinutes(2), 10);
        tokens.put("t", expiringAt(NOW.plusSeconds(3600)), NOW);

        assertThat(tokens.get("t", NOW.plusSeconds(119))).isNotNull();
        assertThat(tokens.get("t", NOW.plusSeconds(120))).isNull();
    }

    @Test
    void a_maximum_age_of_zero_keeps_nothing() {
        VerifiedTokens tokens = new VerifiedTokens(Duration.ZERO, 10);
        tokens.put("t", expiringAt(NOW.plusSeconds(3600)), NOW);

        assertThat(tokens.get("t", NOW)).isNull();
    }

    @Test
    void a_full_store_drops_expired_tokens_first_and_never_grows_past_its_bound() {
        VerifiedTokens tokens = new VerifiedTokens(Duration.ofMinutes(2), 3);
        tokens.put("short", expiringAt(NOW.plusSeconds(10)), NOW);
        tokens.put("a", expiringAt(NOW.plusSeconds(3600)), NOW);
        tokens.put("b", expiringAt(NOW.plusSeconds(3600)), NOW);

        tokens.put("c", expiringAt(NOW.plusSeconds(3600)), NOW.plusSeconds(20));
        assertThat(tokens.get("a", NOW.plusSeconds(20))).isNotNull();
        assertThat(tokens.get("c", NOW.plusSeconds(20))).isNotNull();
        assertThat(tokens.size()).isEqualTo(3);

        tokens.put("d", expiringAt(NOW.plusSeconds(3600)), NOW.plusSeconds(20));
        assertThat(tokens.size()).isLessThanOrEqualTo(3);
        assertThat(tokens.get("d", NOW.plusSeconds(20))).isNotNull();
    }

    private static JsonWebToken expiringAt(Instant expiry) {
        return new JsonWebToken() {
            @Override
            public String getName() {
                return "tablet-1";
            }

            @Override
            public Set<String> getClaimNames() {
                return Set.of(Claims.exp.name());
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String claimName) {
                return Claims.exp.name().equals(claimName) ? (T) Long.valueOf(expiry.getEpochSecond()) : null;
            }
        };
    }
}
