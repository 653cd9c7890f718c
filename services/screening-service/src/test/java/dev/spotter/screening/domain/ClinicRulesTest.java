package dev.spotter.screening.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ClinicRulesTest {

    private static final LocalDate DAY = LocalDate.of(2025, 6, 1);

    @Test
    void theDefaultsAreThoseOfTheClinicalRules() {
        assertThat(ClinicRules.defaults()).isEqualTo(new ClinicRules(90, 12, true, true, new BigDecimal("136"), 180));
    }

    @Test
    void aScreeningStopsCountingAfterItsValidDays() {
        assertThat(ClinicRules.defaults().screeningExpiresOn(DAY)).isEqualTo(DAY.plusDays(90));
        assertThat(new ClinicRules(30, 12, true, true, new BigDecimal("136"), 180).screeningExpiresOn(DAY)).isEqualTo(DAY.plusDays(30));
    }

    @Test
    void aClearanceWithoutANamedExpiryLastsTheClearanceValidDays() {
        assertThat(ClinicRules.defaults().clearanceExpiresOn(DAY)).isEqualTo(DAY.plusDays(180));
        assertThat(new ClinicRules(90, 12, true, true, new BigDecimal("136"), 30).clearanceExpiresOn(DAY)).isEqualTo(DAY.plusDays(30));
    }

    @Test
    void aClinicCannotConfigureZeroPeriodsOrLoad() {
        assertThatThrownBy(() -> new ClinicRules(0, 12, true, true, new BigDecimal("136"), 180)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClinicRules(90, 0, true, true, new BigDecimal("136"), 180)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClinicRules(90, 12, true, true, BigDecimal.ZERO, 180)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClinicRules(90, 12, true, true, new BigDecimal("136"), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
