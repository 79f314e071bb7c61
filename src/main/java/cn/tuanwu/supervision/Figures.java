package cn.tuanwu.supervision;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The campaign's figures for an organisation and everything below it (processes.md): counts only,
 * never a member. {@code registrationRate} is registered ÷ active members, 0 when there are none.
 */
public record Figures(long activeMembers, long uploadedInWindow, long updatedInWindow, long transferredOutInWindow,
        long newStudents, long newEmployees, long newlyDeveloped, long registered, long unregistered,
        BigDecimal registrationRate, long pendingReviews, long overAgeActive) {

    public static final Figures NONE = of(new long[Column.values().length]);

    /** The figures' counts in {@link Column} order: what the queries add up. */
    static Figures of(long[] counts) {
        long active = counts[Column.ACTIVE.ordinal()];
        long registered = counts[Column.REGISTERED.ordinal()];
        BigDecimal rate = active == 0 ? BigDecimal.ZERO.setScale(4)
                : BigDecimal.valueOf(registered).divide(BigDecimal.valueOf(active), 4, RoundingMode.HALF_UP);
        return new Figures(active, counts[Column.UPLOADED.ordinal()], counts[Column.UPDATED.ordinal()],
                counts[Column.TRANSFERRED_OUT.ordinal()], counts[Column.NEW_STUDENTS.ordinal()],
                counts[Column.NEW_EMPLOYEES.ordinal()], counts[Column.NEWLY_DEVELOPED.ordinal()], registered,
                active - registered, rate, counts[Column.PENDING_REVIEWS.ordinal()], counts[Column.OVER_AGE.ordinal()]);
    }

    /** The counted columns, in the order of {@link #of(long[])}. */
    enum Column {
        ACTIVE, UPLOADED, UPDATED, TRANSFERRED_OUT, NEW_STUDENTS, NEW_EMPLOYEES, NEWLY_DEVELOPED, REGISTERED,
        PENDING_REVIEWS, OVER_AGE
    }
}
