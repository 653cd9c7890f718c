package dev.spotter.alert.stream;

import dev.spotter.alert.model.Alert;
import dev.spotter.alert.rest.AlertView;
import dev.spotter.platform.notify.ClinicStream;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import java.util.UUID;

/** The live alert stream of each clinic: {@code alert-raised} and {@code alert-updated} events carrying the alert's view. */
@ApplicationScoped
public class AlertStream extends ClinicStream<AlertView> {

    public static final String CHANNEL = "spotter_alert";
    public static final String RAISED = "alert-raised";
    public static final String UPDATED = "alert-updated";

    void start(@Observes StartupEvent event) {
        startKeepAlive();
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    protected Optional<AlertView> load(UUID id) {
        return Optional.ofNullable(Alert.<Alert>findById(id)).map(AlertView::of);
    }

    @Override
    protected String clinicOf(AlertView view) {
        return view.clinicId();
    }

    @Override
    protected Class<AlertView> viewType() {
        return AlertView.class;
    }
}
