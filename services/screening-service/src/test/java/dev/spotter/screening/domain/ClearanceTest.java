package dev.spotter.screening.domain;

import dev.spotter.clinical.BloodPressure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ClearanceTest {

    private static final LocalDate ISSUED = LocalDate.of(2025, 6, 1);
    private static final LocalDate EXPIRES = LocalDate.of(2025, 11, 28);

    private final Clearance clearance = new Clearance(UUID.randomUUID(), "Dr Ada Lane", "GMC-7012345", ISSUED, Set.of("S6"), null, EXPIRES);

    @Test
    void itCountsFromTheDayItIsIssued() {
        assertThat(clearance.validOn(ISSUED)).isTrue();
        assertThat(clearance.validOn(ISSUED.minusDays(1))).isFalse();
    }

    @Test
    void itCountsTheDayBeforeItExpiresButNotOnThatDay() {
        assertThat(clearance.validOn(EXPIRES.minusDays(1))).isTrue();
        assertThat(clearance.validOn(EXPIRES)).isFalse();
        assertThat(clearance.validOn(EXPIRES.plusDays(1))).isFalse();
    }

    @Test
    void itCoversOnlyTheRulesItNames() {
        assertThat(clearance.covers("S6")).isTrue();
        assertThat(clearance.covers("S7")).isFalse();
    }

    @Test
    void withoutACeilingEveryReadingIsAllowed() {
        assertThat(clearance.allows(new BloodPressure(179, 119))).isTrue();
    }

    @Test
    void withACeilingOnlyReadingsAtOrBelowItAreAllowed() {
        Clearance withCeiling = new Clearance(UUID.randomUUID(), "Dr Ada Lane", "GMC-7012345", ISSUED, Set.of("S7"),
                new BloodPressure(150, 95), EXPIRES);

        assertThat(withCeiling.allows(new BloodPressure(150, 95))).isTrue();
        assertThat(withCeiling.allows(new BloodPressure(151, 95))).isFalse();
        assertThat(withCeiling.allows(new BloodPressure(150, 96))).isFalse();
    }

    @Test
    void itMustExpireAfterTheDayItIsIssued() {
        assertThatThrownBy(() -> new Clearance(UUID.randomUUID(), "Dr Ada Lane", "GMC-7012345", ISSUED, Set.of("S6"), null, ISSUED))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
