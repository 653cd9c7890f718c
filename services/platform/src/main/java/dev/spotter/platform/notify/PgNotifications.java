package dev.spotter.platform.notify;

import io.quarkus.arc.All;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Keeps one dedicated connection LISTENing on every {@link NotificationListener}'s channel and
 * hands each NOTIFY to its listener, reconnecting when the database goes away.
 */
@ApplicationScoped
public class PgNotifications {

    private static final Logger LOG = Logger.getLogger(PgNotifications.class);
    private static final int WAIT_MILLIS = 500;

    @Inject
    @All
    List<NotificationListener> listeners;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> user;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    private volatile boolean running;
    private Thread thread;

    void start(@Observes StartupEvent event) {
        if (listeners.isEmpty()) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().name("pg-notifications").daemon().start(this::run);
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.interrupt();
            thread.join(2000);
        }
    }

    private void run() {
        while (running) {
            try (Connection connection = DriverManager.getConnection(url, user.orElse(null), password.orElse(null))) {
                listen(connection);
                listeners.forEach(NotificationListener::onConnected);
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(WAIT_MILLIS);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            dispatch(notification);
                        }
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    LOG.warnf("listening for notifications failed, reconnecting: %s", e.getMessage());
                    pause();
                }
            }
        }
    }

    private void listen(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (NotificationListener listener : listeners) {
                statement.execute("LISTEN " + listener.channel());
            }
        }
    }

    private void dispatch(PGNotification notification) {
        for (NotificationListener listener : listeners) {
            if (listener.channel().equals(notification.getName())) {
                try {
                    listener.onNotification(notification.getParameter());
                } catch (RuntimeException e) {
                    LOG.errorf(e, "listener of %s failed", notification.getName());
                }
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
