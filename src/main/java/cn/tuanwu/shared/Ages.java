package cn.tuanwu.shared;

import java.time.LocalDate;
import java.time.Period;

/** Age rules of the notice: members are 14 to 27; at 28 a 团员 without a league post leaves. */
public final class Ages {

    public static final int MINIMUM_AGE = 14;
    public static final int OVER_AGE = 28;

    private Ages() {
    }

    /** Whole years between birth and {@code day} (someone born on 29 February turns a year older on 1 March). */
    public static int ageOn(LocalDate birthDate, LocalDate day) {
        return Period.between(birthDate, day).getYears();
    }

    /** The latest birth date of someone who is at least 28 on {@code day}. */
    public static LocalDate overAgeBornOnOrBefore(LocalDate day) {
        // Someone born on 29 February 28 years before a 28 February is still 27 that day; minusYears agrees.
        return day.minusYears(OVER_AGE);
    }
}
