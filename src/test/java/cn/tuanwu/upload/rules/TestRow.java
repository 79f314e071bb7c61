package cn.tuanwu.upload.rules;

import cn.tuanwu.support.IdNumbers;
import cn.tuanwu.upload.sheet.SheetCell;
import cn.tuanwu.upload.sheet.SheetRow;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** A data row in the template's column order, valid until a test changes a cell. */
final class TestRow {

    static final LocalDate TODAY = LocalDate.of(2025, 6, 15);
    static final int CAMPAIGN_YEAR = 2025;
    static final LocalDate BIRTH_DATE = LocalDate.of(2003, 5, 10);
    /** Male (17th digit 3), 22 on {@link #TODAY}. */
    static final String ID = IdNumbers.of("310101", BIRTH_DATE, 123);
    static final ColumnMap TEMPLATE = HeaderMatcher.match(HeaderMatcherTest.row(1,
            HeaderMatcherTest.templateHeaders())).orElseThrow();
    static final OrgDirectory ORGS = code -> switch (code) {
        case "SH01", "SH0101" -> OrgDirectory.Placement.IN_SCOPE;
        case "BJ01" -> OrgDirectory.Placement.OUT_OF_SCOPE;
        default -> OrgDirectory.Placement.UNKNOWN;
    };

    private final Map<Column, SheetCell> cells = new EnumMap<>(Column.class);

    TestRow() {
        with(Column.NAME, "张三");
        with(Column.ID_NUMBER, ID);
        with(Column.ETHNICITY, "汉族");
        with(Column.POLITICAL_STATUS, "共青团员");
        with(Column.EDUCATION, "本科");
        with(Column.JOINED_LEAGUE, "2018-05");
        with(Column.PHONE, "13812345678");
        with(Column.ORG_CODE, "SH01");
    }

    static TestRow valid() {
        return new TestRow();
    }

    static String idBornOn(LocalDate birthDate) {
        return IdNumbers.of("310101", birthDate, 123);
    }

    TestRow with(Column column, String text) {
        return with(column, text == null ? null : SheetCell.text(text));
    }

    TestRow with(Column column, SheetCell cell) {
        if (cell == null) {
            cells.remove(column);
        } else {
            cells.put(column, cell);
        }
        return this;
    }

    SheetRow build() {
        List<SheetCell> list = new ArrayList<>(Arrays.asList(new SheetCell[Column.values().length]));
        cells.forEach((column, cell) -> list.set(TEMPLATE.indexOf(column), cell));
        return new SheetRow(7, list);
    }

    CheckedRow check() {
        return check(TODAY);
    }

    CheckedRow check(LocalDate today) {
        return new RowValidator(today, CAMPAIGN_YEAR, ORGS).check(build(), TEMPLATE);
    }
}
