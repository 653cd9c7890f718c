package dev.spotter.platform.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/** Counts what a transaction did once it commits, so a rolled-back or retried transaction is never counted. */
@ApplicationScoped
public class OnCommit {

    @Inject
    TransactionSynchronizationRegistry transactions;

    /** Runs {@code count} after the current transaction commits; at once when there is none. */
    public void count(Runnable count) {
        if (transactions.getTransactionStatus() == Status.STATUS_NO_TRANSACTION) {
            count.run();
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    count.run();
                }
            }
        });
    }
}
