package dev.spotter.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class TransientFailuresTest {

    @Test
    void aLostConnectionWillPass() {
        assertThat(TransientFailures.isTransient(new RuntimeException(new SQLException("refused", "08001")))).isTrue();
    }

    @Test
    void aPoolTimeoutWithoutStateWillPass() {
        assertThat(TransientFailures.isTransient(new IllegalStateException(new SQLException("Acquisition timeout")))).isTrue();
    }

    @Test
    void aSerializationFailureWillPass() {
        assertThat(TransientFailures.isTransient(new SQLException("could not serialize", "40001"))).isTrue();
    }

    @Test
    void anIntegrityViolationWillNot() {
        assertThat(TransientFailures.isTransient(new RuntimeException(new SQLException("duplicate key", "23505")))).isFalse();
    }

    @Test
    void aRejectionWillNot() {
        assertThat(TransientFailures.isTransient(new RejectedEventException("clinic mismatch"))).isFalse();
    }
}
