package cn.tuanwu.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Properties of the ID rules over generated numbers. */
class IdNumberProperties {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    private static final int[] PROVINCES = {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44,
            45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83};

    record Person(String number, LocalDate birthDate, boolean male) {
    }

    @Provide
    Arbitrary<Person> people() {
        Arbitrary<Integer> province = Arbitraries.integers().between(0, PROVINCES.length - 1).map(i -> PROVINCES[i]);
        Arbitrary<Integer> district = Arbitraries.integers().between(0, 9999);
        Arbitrary<LocalDate> birth = Arbitraries.longs()
                .between(LocalDate.of(1900, 1, 1).toEpochDay(), TODAY.toEpochDay()).map(LocalDate::ofEpochDay);
        Arbitrary<Integer> sequence = Arbitraries.integers().between(0, 999);
        return Combinators.combine(province, district, birth, sequence).as((p, d, b, s) -> {
            String body = String.format("%02d%04d", p, d) + b.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", s);
            return new Person(body + IdNumber.checkCharacter(body), b, s % 2 == 1);
        });
    }

    @Property
    void everyWellFormedNumberIsValidAndKnowsItsPerson(@ForAll("people") Person person) {
        IdNumberCheck check = IdNumber.check(person.number(), TODAY);
        assertThat(check).isInstanceOf(IdNumberCheck.Valid.class);
        IdNumber id = ((IdNumberCheck.Valid) check).idNumber();
        assertThat(id.birthDate()).isEqualTo(person.birthDate());
        assertThat(id.gender()).isEqualTo(person.male() ? Gender.MALE : Gender.FEMALE);
        assertThat(id.toString()).hasSize(18).doesNotContain(person.number().substring(6, 14));
        assertThat(id.masked()).startsWith(person.number().substring(0, 6)).endsWith(person.number().substring(14));
    }

    @Property
    void lowerCaseAndFullWidthAndSpacesChangeNothing(@ForAll("people") Person person) {
        StringBuilder typed = new StringBuilder();
        for (char c : person.number().toCharArray()) {
            typed.append(c == 'X' ? 'x' : (char) (c - '0' + '０')).append(' ');
        }
        IdNumberCheck check = IdNumber.check(typed.toString(), TODAY);
        assertThat(check).isInstanceOf(IdNumberCheck.Valid.class);
        assertThat(((IdNumberCheck.Valid) check).idNumber().value()).isEqualTo(person.number());
    }

    /** MOD 11-2 catches every single wrong digit; the region or date rule may catch it first. */
    @Property
    void anySingleWrongDigitIsRejected(@ForAll("people") Person person, @ForAll @IntRange(min = 0, max = 17) int position,
            @ForAll @IntRange(min = 1, max = 9) int shift) {
        char[] digits = person.number().toCharArray();
        if (digits[position] == 'X') {
            digits[position] = (char) ('0' + shift);
        } else {
            digits[position] = (char) ('0' + (digits[position] - '0' + shift) % 10);
        }
        assertThat(IdNumber.check(new String(digits), TODAY)).isInstanceOf(IdNumberCheck.Invalid.class);
    }

    /** Swapping two different neighbouring digits is caught too (weights differ and 11 is prime). */
    @Property
    void swappedNeighboursAreRejected(@ForAll("people") Person person, @ForAll @IntRange(min = 0, max = 15) int position) {
        char[] digits = person.number().toCharArray();
        if (digits[position] == digits[position + 1]) {
            return;
        }
        char swap = digits[position];
        digits[position] = digits[position + 1];
        digits[position + 1] = swap;
        assertThat(IdNumber.check(new String(digits), TODAY)).isInstanceOf(IdNumberCheck.Invalid.class);
    }

    @Property
    void lengthOtherThanEighteenIsALengthError(@ForAll("people") Person person, @ForAll @IntRange(min = 1, max = 17) int keep) {
        assertThat(IdNumber.check(person.number().substring(0, keep), TODAY))
                .isEqualTo(new IdNumberCheck.Invalid(IdNumberError.E_ID_LENGTH));
    }
}
