package dev.spotter.alert.stream;

import dev.spotter.alert.model.Alert;
import dev.spotter.alert.rest.AlertView;
import dev.spotter.platform.notify.NotificationListener;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduler;
import dev.spotter.alert.config.AlertStreamConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The live alert stream of each clinic, as server-sent events. A change to an alert NOTIFYs on
 * commit; every replica listens and pushes the alert to its own subscribers of that clinic only.
 */
@ApplicationScoped
public class AlertStream implements NotificationListener {

    public static final String CHANNEL = "spotter_alert";
    public static final String RAISED = "alert-raised";
    public static final String UPDATED = "alert-updated";
    private static final Logger LOG = Logger.getLogger(AlertStream.class);

    private record Subscriber(SseEventSink sink, Sse sse) {
    }

    private final Map<String, Set<Subscriber>> subscribersByClinic = new ConcurrentHashMap<>();

    @Inject
    EntityManager entityManager;

    /** Tells every replica, once the current transaction commits, that an alert changed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void announce(String kind, UUID alertId) {
        entityManager.createNativeQuery("SELECT pg_notify('" + CHANNEL + "', ?1)")
                .setParameter(1, kind + ":" + alertId).getSingleResult();
    }

    public void subscribe(String clinicId, SseEventSink sink, Sse sse) {
        Subscriber subscriber = new Subscriber(sink, sse);
        subscribersByClinic.computeIfAbsent(clinicId, c -> ConcurrentHashMap.newKeySet()).add(subscriber);
        send(clinicId, subscriber, sse.newEventBuilder().name("subscribed").data(clinicId).build());
    }

    @Inject
    Scheduler scheduler;

    @Inject
    AlertStreamConfig config;

    void scheduleKeepAlive(@Observes StartupEvent event) {
        scheduler.newJob("alert-stream-keep-alive").setInterval(config.keepAlive().toMillis() + "ms")
                .setTask(execution -> keepAlive()).schedule();
    }

    /** A comment every few seconds keeps idle connections open through proxies and finds the dead ones. */
    void keepAlive() {
        subscribersByClinic.forEach((clinicId, subscribers) -> subscribers.forEach(subscriber ->
                send(clinicId, subscriber, subscriber.sse().newEventBuilder().comment("keep-alive").build())));
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public void onNotification(String payload) {
        int colon = payload.indexOf(':');
        String kind = payload.substring(0, colon);
        UUID alertId = UUID.fromString(payload.substring(colon + 1));
        AlertView view = QuarkusTransaction.requiringNew().call(() -> {
            Alert alert = Alert.findById(alertId);
            return alert == null ? null : AlertView.of(alert);
        });
        if (view == null) {
            return;
        }
        for (Subscriber subscriber : subscribersByClinic.getOrDefault(view.clinicId(), Set.of())) {
            send(view.clinicId(), subscriber, subscriber.sse().newEventBuilder()
                    .name(kind).id(view.id().toString())
                    .mediaType(MediaType.APPLICATION_JSON_TYPE)
                    .data(AlertView.class, view).build());
        }
    }

    private void send(String clinicId, Subscriber subscriber, OutboundSseEvent event) {
        if (subscriber.sink().isClosed()) {
            drop(clinicId, subscriber);
            return;
        }
        subscriber.sink().send(event).whenComplete((ignored, failure) -> {
            if (failure != null) {
                LOG.debugf("dropping a subscriber of %s: %s", clinicId, failure.getMessage());
                drop(clinicId, subscriber);
            }
        });
    }

    private void drop(String clinicId, Subscriber subscriber) {
        Set<Subscriber> subscribers = subscribersByClinic.get(clinicId);
        if (subscribers != null) {
            subscribers.remove(subscriber);
        }
        subscriber.sink().close();
    }
}
