package dev.spotter.platform.outbox;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * The outbox's backlog as gauges: events written but not yet published, and how long the oldest has waited. One query
 * every 10 seconds fills both; a scrape reads the last values and never touches the database.
 */
@ApplicationScoped
public class OutboxBacklog {

    private static final Logger LOG = Logger.getLogger(OutboxBacklog.class);

    private final AgroalDataSource dataSource;
    private final AtomicLong rows = new AtomicLong();
    private final AtomicLong oldestAgeMillis = new AtomicLong();

    @Inject
    public OutboxBacklog(AgroalDataSource dataSource, MeterRegistry registry) {
        this.dataSource = dataSource;
        Gauge.builder("spotter.outbox.backlog", rows, AtomicLong::get)
                .description("Outbox events written but not yet published (refreshed every 10 s)").register(registry);
        Gauge.builder("spotter.outbox.oldest.age.seconds", oldestAgeMillis, millis -> millis.get() / 1000.0)
                .description("How long the oldest unpublished outbox event has waited; 0 when none waits (refreshed every 10 s)")
                .register(registry);
    }

    void schedule(@Observes StartupEvent event, Scheduler scheduler) {
        scheduler.newJob("outbox-backlog").setInterval("10s").setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setTask(execution -> refresh()).schedule();
    }

    void refresh() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("""
                     SELECT count(*), coalesce(extract(epoch FROM now() - min(created_at)) * 1000, 0)
                     FROM outbox_message WHERE published_at IS NULL""");
             ResultSet result = select.executeQuery()) {
            result.next();
            rows.set(result.getLong(1));
            oldestAgeMillis.set(Math.max(0, result.getLong(2)));
        } catch (SQLException e) {
            LOG.warnf("outbox backlog not measured: %s", e.getMessage());
        }
    }
}
