package dev.spotter.platform.notify;

/** Receives PostgreSQL NOTIFY messages of one channel; see {@link PgNotifications}. */
public interface NotificationListener {

    String channel();

    void onNotification(String payload);

    /** Called after every (re)connection: notifications sent while disconnected are lost, so catch up here. */
    default void onConnected() {
    }
}
