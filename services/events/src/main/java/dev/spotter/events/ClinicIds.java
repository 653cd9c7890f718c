package dev.spotter.events;

import java.util.regex.Pattern;

/** The shape of a clinic id: a lower-case slug such as {@code northside}. */
public final class ClinicIds {

    public static final String PATTERN = "^[a-z0-9][a-z0-9-]{1,39}$";
    private static final Pattern SHAPE = Pattern.compile(PATTERN);

    private ClinicIds() {
    }

    public static boolean isValid(String clinicId) {
        return clinicId != null && SHAPE.matcher(clinicId).matches();
    }
}
