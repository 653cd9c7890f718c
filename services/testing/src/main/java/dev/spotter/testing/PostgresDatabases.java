package dev.spotter.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Fresh PostgreSQL databases for tests, on the server named by {@code SPOTTER_PG_HOST},
 * {@code SPOTTER_PG_PORT}, {@code SPOTTER_PG_USER} and {@code SPOTTER_PG_PASSWORD}
 * (default: 127.0.0.1:5432 as postgres, no password).
 */
public final class PostgresDatabases {

    private PostgresDatabases() {
    }

    public static String host() {
        return env("SPOTTER_PG_HOST", "127.0.0.1");
    }

    public static String port() {
        return env("SPOTTER_PG_PORT", "5432");
    }

    public static String user() {
        return env("SPOTTER_PG_USER", "postgres");
    }

    public static String password() {
        return env("SPOTTER_PG_PASSWORD", "");
    }

    public static String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host() + ":" + port() + "/" + database;
    }

    /**
     * Drops the database if it exists and creates it empty; returns its JDBC URL. {@code SPOTTER_TEST_DB_SUFFIX} is
     * appended to the name, so two checkouts can run their tests on one PostgreSQL at once.
     */
    public static String recreate(String name) {
        String database = name + env("SPOTTER_TEST_DB_SUFFIX", "");
        if (!database.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        try (Connection admin = DriverManager.getConnection(jdbcUrl("postgres"), user(), password());
             Statement sql = admin.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            sql.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL is not usable at " + host() + ":" + port() + " as " + user()
                    + " (" + e.getMessage() + "). Start it, set SPOTTER_PG_HOST/PORT/USER/PASSWORD, or run the tests"
                    + " with SPOTTER_TEST_DEVSERVICES=true on a machine with Docker.", e);
        }
        return jdbcUrl(database);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
