package cn.tuanwu.upload.rules;

import static cn.tuanwu.upload.rules.RowValidatorTest.accepted;
import static cn.tuanwu.upload.rules.RowValidatorTest.assertRejected;
import static cn.tuanwu.upload.rules.RowValidatorTest.codes;
import static cn.tuanwu.upload.rules.TestRow.idBornOn;
import static cn.tuanwu.upload.rules.TestRow.valid;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tuanwu.upload.sheet.SheetCell;
import java.time.LocalDate;
import java.time.YearMonth;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.time.api.constraints.DateRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** 入团年月: E_JOIN_DATE_FORMAT and E_JOIN_DATE_RANGE. */
class RowValidatorJoinDateTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2017-09", "2017-9", "2017.09", "2017.9", "2017/9", "2017/09", "2017年9月", "2017年09月",
            "2017 年 9 月", "201709", "2017-09-01", "2017/9/1", "2017.9.1", "2017年9月1日", "2017年9月30日", "20170901",
            "2017-09-01 00:00:00", "2017-09-01T08:30", "2017/9/1 8:30", "２０１７－０９", "２０１７年９月", " 2017-09 "})
    void readsTheUsualSpellingsOfAMonth(String typed) {
        assertThat(accepted(valid().with(Column.JOINED_LEAGUE, typed)).joinedLeague()).isEqualTo(YearMonth.of(2017, 9));
    }

    @Test
    void readsADateCell() {
        SheetCell date = SheetCell.date(LocalDate.of(2017, 9, 1));
        assertThat(accepted(valid().with(Column.JOINED_LEAGUE, date)).joinedLeague()).isEqualTo(YearMonth.of(2017, 9));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"201709", "20170901", "20170930", "42979", "42979.5", "43008"})
    void readsNumberCellsAsDigitsOrAsExcelDateSerials(String plainDecimal) {
        assertThat(accepted(valid().with(Column.JOINED_LEAGUE, SheetCell.number(plainDecimal))).joinedLeague())
                .isEqualTo(YearMonth.of(2017, 9));
    }

    @ParameterizedTest(name = "serial {0} is {1}")
    @CsvSource({"1, 1900-01-01", "59, 1900-02-28", "61, 1900-03-01", "42979, 2017-09-01", "45823, 2025-06-15",
            "2958465, 9999-12-31"})
    void excelSerialsCountFromTheFirstOfJanuary1900WithItsLeapYearQuirk(long serial, LocalDate day) {
        assertThat(JoinDateRule.fromSerial(serial)).isEqualTo(day);
    }

    @Property(tries = 200)
    void everyDayOfTheDateCellEraRoundTripsThroughItsSerial(@ForAll @DateRange(min = "1900-03-01", max = "2100-12-31") LocalDate day) {
        long serial = day.toEpochDay() - LocalDate.of(1899, 12, 30).toEpochDay();
        assertThat(JoinDateRule.fromSerial(serial)).isEqualTo(day);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2017", "17-09", "09/2017", "2017-13", "2017-00", "2017-02-30", "2017-9/1", "2017年",
            "2017年13月", "201713", "2017091", "九月", "去年", "2017-09-01T", "2017--09"})
    void rejectsTextThatIsNoMonth(String typed) {
        assertRejected(valid().with(Column.JOINED_LEAGUE, typed), "E_JOIN_DATE_FORMAT", Column.JOINED_LEAGUE);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"201713", "20170231", "0", "-5", "60", "2958466", "abc"})
    void rejectsNumbersThatAreNoMonth(String plainDecimal) {
        assertRejected(valid().with(Column.JOINED_LEAGUE, SheetCell.number(plainDecimal)), "E_JOIN_DATE_FORMAT",
                Column.JOINED_LEAGUE);
    }

    @Test
    void theUploadsMonthIsTheLatest() {
        accepted(valid().with(Column.JOINED_LEAGUE, "2025-06"));
        accepted(valid().with(Column.JOINED_LEAGUE, "2025-06-30"));

        assertRejected(valid().with(Column.JOINED_LEAGUE, "2025-07"), "E_JOIN_DATE_RANGE", Column.JOINED_LEAGUE);
        assertThat(valid().with(Column.JOINED_LEAGUE, "2025-07").check().errors().get(0).message()).contains("2025年6月");
    }

    @Test
    void theMonthOfTheFourteenthBirthdayIsTheEarliest() {
        // Born 2003-05-10: 14 in May 2017.
        accepted(valid().with(Column.JOINED_LEAGUE, "2017-05"));
        accepted(valid().with(Column.JOINED_LEAGUE, "2017年5月1日"));

        assertRejected(valid().with(Column.JOINED_LEAGUE, "2017-04"), "E_JOIN_DATE_RANGE", Column.JOINED_LEAGUE);
        assertRejected(valid().with(Column.JOINED_LEAGUE, SheetCell.number("1")), "E_JOIN_DATE_RANGE", Column.JOINED_LEAGUE);
    }

    @Test
    void theEarliestMonthIsOnlyCheckedWithAValidId() {
        CheckedRow row = valid().with(Column.ID_NUMBER, "123").with(Column.JOINED_LEAGUE, "1990-01").check();
        assertThat(codes(row)).containsExactly("E_ID_LENGTH");
    }

    @Test
    void aTwentyNinthOfFebruaryBirthdayIsFourteenInFebruary() {
        TestRow row = valid().with(Column.ID_NUMBER, idBornOn(LocalDate.of(2008, 2, 29)));
        assertThat(codes(row.with(Column.JOINED_LEAGUE, "2022-02").check(LocalDate.of(2022, 3, 1)))).isEmpty();
        assertThat(codes(row.with(Column.JOINED_LEAGUE, "2022-01").check(LocalDate.of(2022, 3, 1))))
                .containsExactly("E_JOIN_DATE_RANGE");
    }
}
