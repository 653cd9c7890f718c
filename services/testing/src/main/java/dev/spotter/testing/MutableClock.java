package dev.spotter.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock a test moves by hand, so timing rules (expiry, escalation, watchdogs) are tested in milliseconds. */
public class MutableClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    /** Moves time forward (or back, with a negative amount) from where it is. */
    public void advance(Duration amount) {
        offset = offset.plus(amount);
    }

    /** Back to the real time. */
    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("Spotter services work in UTC instants; convert with a zone where a day matters");
    }
}
