package cn.tuanwu.supervision;

/** How an organisation's supervision ended (processes.md step 6). */
enum Outcome {
    /** ON_TRACK at the window's close. */
    ON_TIME,
    /** Escalated at the close, remediated before the due date. */
    REMEDIATED,
    /** The remediation was overdue and went to the city supervisors (level 2), whenever it was finished. */
    ESCALATED_TO_CITY;

    static Outcome of(Assessment.Verdict verdict, int escalationLevel) {
        if (verdict == Assessment.Verdict.ON_TRACK) {
            return ON_TIME;
        }
        return escalationLevel >= 2 ? ESCALATED_TO_CITY : REMEDIATED;
    }
}
