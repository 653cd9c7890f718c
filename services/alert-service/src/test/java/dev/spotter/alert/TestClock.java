package dev.spotter.alert;

import dev.spotter.testing.MutableClock;
import jakarta.inject.Singleton;

/** Replaces the service's clock in tests, so escalation timing runs in milliseconds. */
@Singleton
public class TestClock extends MutableClock {
}
