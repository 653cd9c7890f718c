package dev.spotter.clinical;

/** A blood pressure reading in mmHg. */
public record BloodPressure(int systolic, int diastolic) {

    /** At or below a physician's ceiling: both numbers must be, not just one. */
    public boolean atOrBelow(BloodPressure ceiling) {
        return systolic <= ceiling.systolic && diastolic <= ceiling.diastolic;
    }

    /** The reading as staff write it, e.g. "142/91". */
    public String asText() {
        return systolic + "/" + diastolic;
    }
}
