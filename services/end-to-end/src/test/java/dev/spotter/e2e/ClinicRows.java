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
 * table with a {@code clinic_id} column (found afresh each time, so a new table is covered), the count and md5 of the
 * clinic's rows, and of any other clinic's rows that name one of the given ids (a row of another clinic hung on this
 * clinic's patient changes this clinic's data too).
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

    /** For each table ({@code "session-service.therapy_session"}): how many rows of {@code clinic} (or naming {@code ids}), and their md5. */
    Map<String, String> of(String clinic, Collection<String> ids) throws SQLException {
        Map<String, String> fingerprints = new TreeMap<>();
        for (Map.Entry<String, Connection> database : databases.entrySet()) {
            List<String> tables = tablesWithClinic(database.getValue());
            if (tables.isEmpty()) {
                continue;
            }
            List<String> selects = tables.stream().map(table -> "SELECT '" + table + "', count(*) || ' rows, md5 '"
                    + " || coalesce(md5(string_agg(t::text, E'\\n' ORDER BY t::text)), '-') FROM \"" + table + "\" t"
                    + " WHERE t.clinic_id = ? OR t::text LIKE ANY (?)").toList();
            try (PreparedStatement sql = database.getValue().prepareStatement(String.join(" UNION ALL ", selects))) {
                Array patterns = database.getValue().createArrayOf("text", ids.stream().map(id -> "%" + id + "%").toArray());
                for (int i = 0; i < tables.size(); i++) {
                    sql.setString(2 * i + 1, clinic);
                    sql.setArray(2 * i + 2, patterns);
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

    private static List<String> tablesWithClinic(Connection database) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement sql = database.prepareStatement("SELECT c.table_name FROM information_schema.columns c"
                + " JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name"
                + " WHERE c.table_schema = current_schema() AND c.column_name = 'clinic_id' AND t.table_type = 'BASE TABLE'"
                + " ORDER BY c.table_name");
             ResultSet rows = sql.executeQuery()) {
            while (rows.next()) {
                if (!LEFT_OUT.contains(rows.getString(1))) {
                    tables.add(rows.getString(1));
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
