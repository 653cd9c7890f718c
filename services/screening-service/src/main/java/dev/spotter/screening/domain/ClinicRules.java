package dev.spotter.screening.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/** The thresholds a clinic may configure, with the defaults of the clinical rules. */
public record ClinicRules(
        int screeningValidDays,
        int strokeWindowMonths,
        boolean stage1NeedsClearance,
        boolean refluxNeedsClearance,
        BigDecimal tableRatedLoadKg,
        int clearanceValidDays) {

    public ClinicRules {
        Objects.requireNonNull(tableRatedLoadKg, "tableRatedLoadKg");
        if (screeningValidDays <= 0 || strokeWindowMonths <= 0 || clearanceValidDays <= 0 || tableRatedLoadKg.signum() <= 0) {
            throw new IllegalArgumentException("Clinic rule periods and the table's rated load must be positive");
        }
    }

    public static ClinicRules defaults() {
        return new ClinicRules(90, 12, true, true, new BigDecimal("136"), 180);
    }

    /** The first day a screening completed on {@code completedOn} no longer counts. */
    public LocalDate screeningExpiresOn(LocalDate completedOn) {
        return completedOn.plusDays(screeningValidDays);
    }

    /** The expiry a clearance gets when the physician names none. */
    public LocalDate clearanceExpiresOn(LocalDate issuedOn) {
        return issuedOn.plusDays(clearanceValidDays);
    }
}
