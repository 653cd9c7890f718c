package dev.spotter.platform.security;

/** The roles a Spotter token can name in its {@code groups} claim. */
public final class Roles {

    public static final String TABLET = "tablet";
    public static final String CLINICIAN = "clinician";
    public static final String CLINIC_ADMIN = "clinic-admin";
    /** Operations staff: platform metrics and the audit chain check, never a clinic's patient data. */
    public static final String OPS = "ops";

    private Roles() {
    }
}
