package dev.spotter.platform.security;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * At start-up, after the migrations: every table with a {@code clinic_id} column gets row-level security and the
 * policy that a {@link TenantConnections#ROLE} connection sees and writes only its clinic's rows. It runs on every
 * start, so a table added by a later migration is covered without anyone remembering to; replicas starting at once
 * take turns on an advisory lock.
 */
@ApplicationScoped
public class RowLevelSecurity {

    static final String SCRIPT = "META-INF/spotter/row-level-security.sql";

    @Inject
    AgroalDataSource dataSource;

    void apply(@Observes @Priority(10) StartupEvent start) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                statement.execute(script());
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    private static String script() {
        try (InputStream in = RowLevelSecurity.class.getClassLoader().getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException(SCRIPT + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
