package dev.spotter.screening;

import dev.spotter.testing.MutableClock;
import jakarta.inject.Singleton;

/** Replaces the service's clock in tests, so a test can move time past an expiry. */
@Singleton
public class TestClock extends MutableClock {
}
