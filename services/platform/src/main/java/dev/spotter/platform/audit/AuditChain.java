package dev.spotter.platform.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The audit log's hash chain. Each clinic's entries, in {@code seq} order, form one chain: an entry's hash is the
 * SHA-256 of the previous entry's hash and its own fields, so changing, removing or inserting an entry breaks every
 * later link. {@link #verify(Connection)} walks all chains; the ops endpoint and {@link AuditChainCheck} use it.
 */
public final class AuditChain {

    /** The previous hash of a clinic's first entry. */
    public static final String GENESIS = "";

    /** A clinic's chain checked: its entries, and the first entry whose link does not hold (null when intact). */
    public record Verification(String clinicId, long entries, Long brokenAt, String problem) {

        public boolean intact() {
            return brokenAt == null;
        }
    }

    private AuditChain() {
    }

    public static String hash(String prevHash, String clinicId, Instant at, String actor, String roles, String action,
                              String target, int status) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        // every field length-prefixed, so no two different entries can read as the same bytes
        for (String field : List.of(prevHash, clinicId, at.toString(), actor, roles, action, target, Integer.toString(status))) {
            byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
            sha256.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
            sha256.update(bytes);
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    static String hashOf(AuditEntry e) {
        return hash(e.prevHash(), e.clinicId(), e.at(), e.actor(), e.roles(), e.action(), e.target(), e.status());
    }

    /** Checks every clinic's chain in the database {@code connection} points at. */
    public static List<Verification> verify(Connection connection) throws SQLException {
        List<Verification> results = new ArrayList<>();
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false); // lets the driver stream the rows instead of loading the whole log
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT " + AuditLog.COLUMNS + " FROM audit_entry ORDER BY clinic_id, seq")) {
            query.setFetchSize(1000);
            try (ResultSet rows = query.executeQuery()) {
                Walk walk = null;
                while (rows.next()) {
                    AuditEntry entry = AuditLog.entryOf(rows);
                    if (walk == null || !walk.clinicId.equals(entry.clinicId())) {
                        if (walk != null) {
                            results.add(walk.result());
                        }
                        walk = new Walk(entry.clinicId());
                    }
                    walk.next(entry);
                }
                if (walk != null) {
                    results.add(walk.result());
                }
            }
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
        return results;
    }

    /** One clinic's chain, link by link. */
    private static final class Walk {
        final String clinicId;
        long entries;
        String previous = GENESIS;
        Long brokenAt;
        String problem;

        Walk(String clinicId) {
            this.clinicId = clinicId;
        }

        void next(AuditEntry entry) {
            entries++;
            if (brokenAt == null) {
                if (!entry.prevHash().equals(previous)) {
                    brokenAt = entry.seq();
                    problem = "does not follow the entry before it (an entry was removed or inserted)";
                } else if (!entry.hash().equals(hashOf(entry))) {
                    brokenAt = entry.seq();
                    problem = "its fields do not match its hash (the entry was changed)";
                }
            }
            previous = entry.hash();
        }

        Verification result() {
            return new Verification(clinicId, entries, brokenAt, problem);
        }
    }
}
