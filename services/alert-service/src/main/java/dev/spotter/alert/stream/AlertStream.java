package dev.spotter.alert.stream;

import dev.spotter.alert.model.Alert;
import dev.spotter.alert.rest.AlertView;
import dev.spotter.platform.notify.ClinicStream;
import dev.spotter.platform.tracing.TraceContext;
import io.opentelemetry.context.Context;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import java.util.UUID;

/**
 * The live alert stream of each clinic: {@code alert-raised} and {@code alert-updated} events carrying the alert's view,
 * each push a span of the trace of the alert's latest cause.
 */
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
    protected Context traceOf(UUID id) {
        return Optional.ofNullable(Alert.<Alert>findById(id)).map(alert -> TraceContext.parent(alert.traceContext)).orElse(Context.root());
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
