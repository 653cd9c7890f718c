package dev.spotter.screening.domain;

import dev.spotter.clinical.BloodPressure;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** A physician's clearance: who, when, which NEEDS_CLEARANCE rule ids it clears, an optional BP ceiling and its expiry. */
public record Clearance(UUID id, String physicianName, String physicianId, LocalDate issuedOn, Set<String> scope,
                        BloodPressure bpCeiling, LocalDate expiresOn) {

    public Clearance {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(physicianName, "physicianName");
        Objects.requireNonNull(physicianId, "physicianId");
        Objects.requireNonNull(issuedOn, "issuedOn");
        Objects.requireNonNull(expiresOn, "expiresOn");
        scope = Set.copyOf(scope);
        if (!expiresOn.isAfter(issuedOn)) {
            throw new IllegalArgumentException("A clearance must expire after the day it is issued");
        }
    }

    /** From the day it is issued until the day before it expires: it stops counting on {@code expiresOn}. */
    public boolean validOn(LocalDate day) {
        return !day.isBefore(issuedOn) && day.isBefore(expiresOn);
    }

    public boolean covers(String ruleId) {
        return scope.contains(ruleId);
    }

    /** A reading above the ceiling is refused even with the clearance: the physician cleared pressures up to it. */
    public boolean allows(BloodPressure bp) {
        return bpCeiling == null || bp.atOrBelow(bpCeiling);
    }
}
