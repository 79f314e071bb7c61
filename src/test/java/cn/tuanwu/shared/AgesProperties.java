package cn.tuanwu.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

class AgesProperties {

    /** The cut-off is exactly the latest birth date of someone aged 28 or more. */
    @Property
    void cutOffSeparatesTheOverAgeFromTheRest(@ForAll @LongRange(min = 0, max = 60_000) long dayNumber) {
        LocalDate day = LocalDate.of(1950, 1, 1).plusDays(dayNumber);
        LocalDate cutOff = Ages.overAgeBornOnOrBefore(day);
        assertThat(Ages.ageOn(cutOff, day)).isGreaterThanOrEqualTo(Ages.OVER_AGE);
        assertThat(Ages.ageOn(cutOff.plusDays(1), day)).isLessThan(Ages.OVER_AGE);
    }
}
