package dev.spotter.platform.audit;

import java.time.Instant;

/**
 * One entry of the audit log: who ({@code actor} with their {@code roles}, of {@code clinicId}) did what
 * ({@code action}: method and route, {@code target}: the path it named) when, and the answer's {@code status}.
 * {@code hash} chains it to the clinic's previous entry ({@link AuditChain}).
 */
public record AuditEntry(long seq, String clinicId, Instant at, String actor, String roles, String action, String target,
                         int status, String prevHash, String hash) {
}
