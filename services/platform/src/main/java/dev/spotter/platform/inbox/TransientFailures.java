package dev.spotter.platform.inbox;

import java.sql.SQLException;

/** Tells a failure that will pass (database or network away, lock conflict) from one that never will. */
final class TransientFailures {

    private TransientFailures() {
    }

    static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return isTransientState(sql.getSQLState());
            }
            if (cause instanceof jakarta.persistence.PessimisticLockException
                    || cause instanceof jakarta.persistence.LockTimeoutException
                    || cause instanceof org.hibernate.exception.JDBCConnectionException) {
                return true;
            }
        }
        return false;
    }

    /** No state (pool timeout), connection (08), resources (53), operator intervention (57), rollback (40). */
    private static boolean isTransientState(String state) {
        return state == null || state.startsWith("08") || state.startsWith("40") || state.startsWith("53")
                || state.startsWith("57") || state.startsWith("58");
    }
}
