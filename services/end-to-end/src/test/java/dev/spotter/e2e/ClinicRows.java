package dev.spotter.e2e;

import dev.spotter.testing.PostgresDatabases;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Fingerprints of one clinic's rows in the three services' databases, to tell whether anything of it changed: for each
 * table (found afresh each time, so a new one is covered), the count and md5 of the rows that are the clinic's
 * ({@code clinic_id}) or that name one of its ids, wherever they are (a row of another clinic hung on this clinic's
 * patient changes this clinic's data too). Other clinics' rows are left out: their alerts escalate on their own timers
 * while a test runs.
 */
final class ClinicRows implements AutoCloseable {

    /**
     * Left out: {@code audit_entry}, the audit log, which records every request, refused ones and other clinics' attempts
     * on this clinic's ids included, by design.
     */
    private static final Set<String> LEFT_OUT = Set.of("audit_entry");

    private final Map<String, Connection> databases = new TreeMap<>();

    ClinicRows(Platform platform) throws SQLException {
        for (Map.Entry<String, String> database : platform.databases.entrySet()) {
            databases.put(database.getKey(), DriverManager.getConnection(database.getValue(), PostgresDatabases.user(),
                    PostgresDatabases.password()));
        }
    }

    /** For each table ({@code "session-service.therapy_session"}): how many rows of {@code clinic} or naming {@code ids}, and their md5. */
    Map<String, String> of(String clinic, Collection<String> ids) throws SQLException {
        Map<String, String> fingerprints = new TreeMap<>();
        for (Map.Entry<String, Connection> database : databases.entrySet()) {
            Connection connection = database.getValue();
            Array patterns = connection.createArrayOf("text", ids.stream().map(id -> "%" + id + "%").toArray());
            List<String> selects = new ArrayList<>();
            List<Object> parameters = new ArrayList<>();
            tables(connection).forEach((table, hasClinic) -> {
                selects.add("SELECT '" + table + "', count(*) || ' rows, md5 ' || coalesce(md5(string_agg(t::text, E'\\n'"
                        + " ORDER BY t::text)), '-') FROM \"" + table + "\" t WHERE "
                        + (hasClinic ? "t.clinic_id = ? OR " : "") + "t::text LIKE ANY (?)");
                if (hasClinic) {
                    parameters.add(clinic);
                }
                parameters.add(patterns);
            });
            try (PreparedStatement sql = connection.prepareStatement(String.join(" UNION ALL ", selects))) {
                for (int i = 0; i < parameters.size(); i++) {
                    sql.setObject(i + 1, parameters.get(i));
                }
                try (ResultSet rows = sql.executeQuery()) {
                    while (rows.next()) {
                        fingerprints.put(database.getKey() + "." + rows.getString(1), rows.getString(2));
                    }
                }
            }
        }
        return fingerprints;
    }

    /**
     * The fingerprints once they hold still: what a change sets off in the background (the outbox relay, the other services'
     * consumers, their answers back) has landed when nothing moved for a few looks in a row.
     */
    Map<String, String> settled(String clinic, Collection<String> ids) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        Map<String, String> last = of(clinic, ids);
        int still = 0;
        while (still < 3) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the rows of " + clinic + " kept changing for 15 s");
            }
            Thread.sleep(100);
            Map<String, String> now = of(clinic, ids);
            still = now.equals(last) ? still + 1 : 0;
            last = now;
        }
        return last;
    }

    /** The tables whose fingerprint differs, with both, for a failure message. */
    static List<String> differences(Map<String, String> before, Map<String, String> after) {
        List<String> changed = new ArrayList<>();
        Set<String> tables = new TreeSet<>(before.keySet());
        tables.addAll(after.keySet());
        for (String table : tables) {
            if (!Objects.equals(before.get(table), after.get(table))) {
                changed.add(table + ": " + before.get(table) + " -> " + after.get(table));
            }
        }
        return changed;
    }

    /** The database's tables, each with whether it has a {@code clinic_id} column. */
    private static Map<String, Boolean> tables(Connection database) throws SQLException {
        Map<String, Boolean> tables = new TreeMap<>();
        try (PreparedStatement sql = database.prepareStatement("SELECT t.table_name, EXISTS (SELECT 1 FROM information_schema.columns c"
                + " WHERE c.table_schema = t.table_schema AND c.table_name = t.table_name AND c.column_name = 'clinic_id')"
                + " FROM information_schema.tables t WHERE t.table_schema = current_schema() AND t.table_type = 'BASE TABLE'");
             ResultSet rows = sql.executeQuery()) {
            while (rows.next()) {
                if (!LEFT_OUT.contains(rows.getString(1))) {
                    tables.put(rows.getString(1), rows.getBoolean(2));
                }
            }
        }
        return tables;
    }

    @Override
    public void close() throws SQLException {
        for (Connection database : databases.values()) {
            database.close();
        }
    }
}
