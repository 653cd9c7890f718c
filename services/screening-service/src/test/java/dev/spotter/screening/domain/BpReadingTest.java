package dev.spotter.screening.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spotter.clinical.BloodPressure;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BpReadingTest {

    @Test
    void aSingleReadingCountsAsItIs() {
        BpReading reading = BpReading.single(new BloodPressure(142, 88), Instant.parse("2025-06-15T09:00:00Z"));

        assertThat(reading.counted()).isEqualTo(new BloodPressure(142, 88));
    }

    @Test
    void theRecheckCountsInsteadOfTheFirstReading() {
        BpReading reading = BpReading.single(new BloodPressure(142, 88), Instant.parse("2025-06-15T09:00:00Z"))
                .withRecheck(new BloodPressure(128, 78), Instant.parse("2025-06-15T09:06:00Z"));

        assertThat(reading.counted()).isEqualTo(new BloodPressure(128, 78));
    }
}
