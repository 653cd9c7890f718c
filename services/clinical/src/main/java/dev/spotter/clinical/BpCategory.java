package dev.spotter.clinical;

/** The blood pressure categories of the 2017 ACC/AHA guideline: the BP rule at screening (S7) and before every session. */
public enum BpCategory {
    /** Below 130 systolic and below 80 diastolic. */
    NORMAL,
    /** 130-139 systolic or 80-89 diastolic. */
    STAGE_1,
    /** 140-179 systolic or 90-119 diastolic. */
    STAGE_2,
    /** 180 or more systolic, or 120 or more diastolic. */
    CRISIS;

    /** The higher category of systolic and diastolic wins. */
    public static BpCategory of(BloodPressure bp) {
        BpCategory bySystolic = ofSystolic(bp.systolic());
        BpCategory byDiastolic = ofDiastolic(bp.diastolic());
        return bySystolic.ordinal() >= byDiastolic.ordinal() ? bySystolic : byDiastolic;
    }

    private static BpCategory ofSystolic(int systolic) {
        if (systolic >= 180) {
            return CRISIS;
        }
        if (systolic >= 140) {
            return STAGE_2;
        }
        return systolic >= 130 ? STAGE_1 : NORMAL;
    }

    private static BpCategory ofDiastolic(int diastolic) {
        if (diastolic >= 120) {
            return CRISIS;
        }
        if (diastolic >= 90) {
            return STAGE_2;
        }
        return diastolic >= 80 ? STAGE_1 : NORMAL;
    }
}
