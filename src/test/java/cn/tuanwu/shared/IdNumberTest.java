package cn.tuanwu.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdNumberTest {

    private static final LocalDate TODAY = LocalDate.of(2017, 9, 15);

    private static IdNumber valid(String raw) {
        IdNumberCheck check = IdNumber.check(raw, TODAY);
        assertThat(check).isInstanceOf(IdNumberCheck.Valid.class);
        return ((IdNumberCheck.Valid) check).idNumber();
    }

    private static IdNumberError error(String raw) {
        IdNumberCheck check = IdNumber.check(raw, TODAY);
        assertThat(check).isInstanceOf(IdNumberCheck.Invalid.class);
        return ((IdNumberCheck.Invalid) check).error();
    }

    @Test
    void acceptsTheStandardsExampleAndDerivesBirthDateAndGender() {
        IdNumber id = valid("11010519491231002X");
        assertThat(id.value()).isEqualTo("11010519491231002X");
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(id.gender()).isEqualTo(Gender.FEMALE);
        assertThat(valid("440308199001011239").gender()).isEqualTo(Gender.MALE);
    }

    @Test
    void foldsWhatPeopleTypeIntoTheNumber() {
        assertThat(valid("11010519491231002x").value()).isEqualTo("11010519491231002X");
        assertThat(valid("１１０１０５１９４９１２３１００２Ｘ").value()).isEqualTo("11010519491231002X");
        assertThat(valid(" 110105 19491231 002X ").value()).isEqualTo("11010519491231002X");
        assertThat(valid("110105\u300019491231002ｘ").value()).isEqualTo("11010519491231002X");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "'', E_ID_LENGTH",
            "110105491231002, E_ID_LENGTH",          // a 15-digit ID of the old kind
            "11010519491231002X1, E_ID_LENGTH",
            "1101051949123100X2, E_ID_CHARS",         // X only as the last character
            "11010519491231002Y, E_ID_CHARS",
            "A1010519491231002X, E_ID_CHARS",
            "99010519491231002X, E_ID_REGION",
            "20010519491231002X, E_ID_REGION",
            "72010519491231002X, E_ID_REGION",
            "110105194913310021, E_ID_BIRTHDATE",     // month 13
            "110105201902290020, E_ID_BIRTHDATE",     // 29 February of a common year
            "110105202001010020, E_ID_BIRTHDATE",     // after today (2017-09-15)
            "110105189912310020, E_ID_BIRTHDATE",     // before 1900
            "110105194912310021, E_ID_CHECKSUM",
    })
    void namesTheRuleABadNumberBreaks(String raw, IdNumberError expected) {
        assertThat(error(raw)).isEqualTo(expected);
    }

    @Test
    void nullIsTooShort() {
        assertThat(error(null)).isEqualTo(IdNumberError.E_ID_LENGTH);
    }

    @Test
    void acceptsEveryProvinceCodeOfTheStandard() {
        for (int code : new int[] {11, 15, 21, 23, 31, 37, 41, 46, 50, 54, 61, 65, 71, 81, 82, 83}) {
            String body = code + "0105199001011" + "23";
            assertThat(IdNumber.check(body + IdNumber.checkCharacter(body), TODAY))
                    .as("province %d", code).isInstanceOf(IdNumberCheck.Valid.class);
        }
    }

    @Test
    void aBirthdayOnTodayIsNotInTheFuture() {
        String body = "31010120170915123";
        assertThat(IdNumber.check(body + IdNumber.checkCharacter(body), TODAY)).isInstanceOf(IdNumberCheck.Valid.class);
    }

    @Test
    void masksItselfEverywhereButValue() {
        IdNumber id = valid("310101200002291237");
        assertThat(id.masked()).isEqualTo("310101********1237");
        assertThat(id.toString()).isEqualTo("310101********1237").doesNotContain("20000229");
        assertThat(String.valueOf(new IdNumberCheck.Valid(id))).doesNotContain("310101200002291237");
    }

    @Test
    void everyMessageSaysWhatToFixWithoutTheNumber() {
        for (IdNumberError error : IdNumberError.values()) {
            assertThat(error.message()).isNotBlank().containsPattern("[\\u4e00-\\u9fa5]").doesNotContainPattern("\\d{6,}");
            assertThat(error.code()).startsWith("E_ID_");
        }
    }

    @Test
    void equalNumbersAreEqual() {
        assertThat(valid("11010519491231002x")).isEqualTo(valid("11010519491231002X"))
                .hasSameHashCodeAs(valid("11010519491231002X"));
    }
}
