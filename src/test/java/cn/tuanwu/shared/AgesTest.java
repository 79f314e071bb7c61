package cn.tuanwu.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class AgesTest {

    @Test
    void someoneBornOn29FebruaryTurns28On1MarchInACommonYear() {
        LocalDate leapBirthday = LocalDate.of(2000, 2, 29);
        assertThat(Ages.ageOn(leapBirthday, LocalDate.of(2027, 2, 28))).isEqualTo(26);
        assertThat(Ages.ageOn(leapBirthday, LocalDate.of(2027, 3, 1))).isEqualTo(27);
        assertThat(Ages.ageOn(leapBirthday, LocalDate.of(2028, 2, 28))).isEqualTo(27);
        assertThat(Ages.ageOn(leapBirthday, LocalDate.of(2028, 2, 29))).isEqualTo(28);
    }

    @Test
    void overAgeCutOffOnTheDayOfA28thBirthday() {
        LocalDate day = LocalDate.of(2017, 9, 1);
        assertThat(Ages.overAgeBornOnOrBefore(day)).isEqualTo(LocalDate.of(1989, 9, 1));
    }
}
