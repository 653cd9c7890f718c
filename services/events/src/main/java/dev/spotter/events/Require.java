package dev.spotter.events;

import java.util.Objects;

/** Checks for event record constructors, so no event with a missing id, clinic or time can exist. */
public final class Require {

    private Require() {
    }

    public static <T> T present(T value, String field) {
        return Objects.requireNonNull(value, () -> field + " is required");
    }

    public static String clinic(String clinicId) {
        present(clinicId, "clinicId");
        if (!ClinicIds.isValid(clinicId)) {
            throw new IllegalArgumentException("clinicId '" + clinicId + "' is not a clinic id");
        }
        return clinicId;
    }
}
