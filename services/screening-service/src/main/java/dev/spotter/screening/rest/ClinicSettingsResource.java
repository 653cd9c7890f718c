package dev.spotter.screening.rest;

import dev.spotter.platform.security.CallerClinic;
import dev.spotter.platform.security.Roles;
import dev.spotter.screening.domain.ClinicRules;
import dev.spotter.screening.service.ClinicSettingsService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.math.BigDecimal;

/** The thresholds the clinical rules let a clinic configure; a clinic-admin changes them. */
@Path("/api/clinic/settings")
public class ClinicSettingsResource {

    /** The clinic's settings; defaults: UTC, 90 days, 12 months, stage 1 needs clearance, reflux needs clearance, 136 kg, 180 days. */
    public record SettingsBody(
            @NotBlank String timeZone,
            @NotNull @Min(1) @Max(365) Integer screeningValidDays,
            @NotNull @Min(1) @Max(120) Integer strokeWindowMonths,
            @NotNull Boolean stage1NeedsClearance,
            @NotNull Boolean refluxNeedsClearance,
            @NotNull @DecimalMin("40") @DecimalMax("300") BigDecimal tableRatedLoadKg,
            @NotNull @Min(1) @Max(730) Integer clearanceValidDays) {

        static SettingsBody of(ClinicSettingsService.Settings settings) {
            ClinicRules r = settings.rules();
            return new SettingsBody(settings.timeZone().getId(), r.screeningValidDays(), r.strokeWindowMonths(), r.stage1NeedsClearance(),
                    r.refluxNeedsClearance(), r.tableRatedLoadKg(), r.clearanceValidDays());
        }

        ClinicRules toRules() {
            return new ClinicRules(screeningValidDays, strokeWindowMonths, stage1NeedsClearance, refluxNeedsClearance, tableRatedLoadKg,
                    clearanceValidDays);
        }
    }

    @Inject
    ClinicSettingsService settings;

    @Inject
    CallerClinic caller;

    @GET
    @RolesAllowed({Roles.TABLET, Roles.CLINICIAN, Roles.CLINIC_ADMIN})
    public SettingsBody get() {
        return SettingsBody.of(settings.of(caller.id()));
    }

    @PUT
    @RolesAllowed(Roles.CLINIC_ADMIN)
    public SettingsBody change(@Valid @NotNull SettingsBody body) {
        return SettingsBody.of(settings.update(caller.id(), caller.user(), body.timeZone(), body.toRules()));
    }
}
