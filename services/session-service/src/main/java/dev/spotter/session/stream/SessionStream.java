package dev.spotter.session.stream;

import dev.spotter.platform.notify.ClinicStream;
import dev.spotter.platform.tracing.TraceContext;
import dev.spotter.session.model.Session;
import dev.spotter.session.rest.SessionViews;
import dev.spotter.session.rest.SessionViews.SessionView;
import io.opentelemetry.context.Context;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;

/**
 * The live stream of each clinic's sessions for its tablets: {@code session-updated} with the session's view on every
 * change, each push a span of the trace of the session's latest change (the tablet's request, or the alert event that
 * reached the session), which the session keeps.
 */
@ApplicationScoped
public class SessionStream extends ClinicStream<SessionView> {

    public static final String CHANNEL = "spotter_session";
    public static final String UPDATED = "session-updated";

    @Inject
    SessionViews views;

    void start(@Observes StartupEvent event) {
        startKeepAlive();
    }

    /** Pushes the session to its clinic's tablets once the current transaction commits, as a span of the current trace. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(Session session) {
        session.traceContext = TraceContext.current();
        announce(UPDATED, session.clinicId, session.id);
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    protected Optional<SessionView> load(UUID id) {
        return Optional.ofNullable(Session.<Session>findById(id)).map(views::of);
    }

    @Override
    protected Context traceOf(UUID id) {
        return Optional.ofNullable(Session.<Session>findById(id)).map(session -> TraceContext.parent(session.traceContext)).orElse(Context.root());
    }

    @Override
    protected String clinicOf(SessionView view) {
        return view.clinicId();
    }

    @Override
    protected Class<SessionView> viewType() {
        return SessionView.class;
    }
}
