package cn.tuanwu.upload.rules;

import static cn.tuanwu.upload.rules.TestRow.TODAY;
import static cn.tuanwu.upload.rules.TestRow.idBornOn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import cn.tuanwu.upload.sheet.SheetCell;
import cn.tuanwu.upload.sheet.SheetRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** No message, and no toString, ever repeats an ID number, a phone or a name. */
class RowValidatorPrivacyTest {

    private static final String NAME = "欧阳娜娜";
    private static final String PHONE = "13912345678";
    private static final String ID = TestRow.ID;

    static Stream<Arguments> everyErrorPath() {
        Map<String, UnaryOperator<TestRow>> paths = new LinkedHashMap<>();
        SheetCell formulaError = new SheetCell("#N/A", SheetCell.Kind.ERROR, null, true);
        SheetCell bool = new SheetCell("FALSE", SheetCell.Kind.BOOLEAN, null, false);
        for (Column column : Column.values()) {
            paths.put("blank " + column, row -> row.with(column, (String) null));
            paths.put("formula error in " + column, row -> row.with(column, formulaError));
            paths.put("boolean in " + column, row -> row.with(column, bool));
            // Personal data typed into the wrong column must not come back in that column's message.
            paths.put("ID in " + column, row -> row.with(column, ID));
            paths.put("phone in " + column, row -> row.with(column, PHONE));
            paths.put("name in " + column, row -> row.with(column, NAME));
        }
        paths.put("name with digits", row -> row.with(Column.NAME, NAME + "2"));
        paths.put("name too long", row -> row.with(Column.NAME, NAME.repeat(8)));
        paths.put("ID as number", row -> row.with(Column.ID_NUMBER, SheetCell.number(ID.substring(0, 15) + "000")));
        paths.put("ID 15 digits", row -> row.with(Column.ID_NUMBER, ID.substring(0, 6) + ID.substring(8, 17)));
        paths.put("ID 17 digits", row -> row.with(Column.ID_NUMBER, ID.substring(0, 17)));
        paths.put("ID chars", row -> row.with(Column.ID_NUMBER, ID.substring(0, 16) + "AB"));
        paths.put("ID region", row -> row.with(Column.ID_NUMBER, "99" + ID.substring(2)));
        paths.put("ID birth date", row -> row.with(Column.ID_NUMBER, ID.substring(0, 10) + "13" + ID.substring(12)));
        paths.put("ID checksum", row -> row.with(Column.ID_NUMBER, ID.substring(0, 17) + (ID.charAt(17) == '1' ? '2' : '1')));
        paths.put("gender value", row -> row.with(Column.GENDER, "男的"));
        paths.put("gender mismatch", row -> row.with(Column.GENDER, "女"));
        paths.put("ethnicity", row -> row.with(Column.ETHNICITY, "火星族"));
        paths.put("political status", row -> row.with(Column.POLITICAL_STATUS, "群众"));
        paths.put("education", row -> row.with(Column.EDUCATION, "小学"));
        paths.put("join format", row -> row.with(Column.JOINED_LEAGUE, "去年九月"));
        paths.put("join after upload", row -> row.with(Column.JOINED_LEAGUE, "2030-01"));
        paths.put("join before 14", row -> row.with(Column.JOINED_LEAGUE, "2010-01"));
        paths.put("phone", row -> row.with(Column.PHONE, PHONE.substring(1)));
        paths.put("phone +86", row -> row.with(Column.PHONE, "+86 " + PHONE + "0"));
        paths.put("org unknown", row -> row.with(Column.ORG_CODE, "XX99"));
        paths.put("org out of scope", row -> row.with(Column.ORG_CODE, "BJ01"));
        paths.put("category", row -> row.with(Column.CATEGORY, "学生"));
        paths.put("post required", row -> row.with(Column.CATEGORY, "团干部"));
        paths.put("post too long", row -> row.with(Column.POST, NAME.repeat(8)));
        paths.put("entry type", row -> row.with(Column.ENTRY_TYPE, "其他"));
        paths.put("under age", row -> row.with(Column.ID_NUMBER, idBornOn(TODAY.minusYears(13)))
                .with(Column.JOINED_LEAGUE, "2025-01"));
        paths.put("over age", row -> row.with(Column.ID_NUMBER, idBornOn(TODAY.minusYears(30))));
        paths.put("new developed warning", row -> row.with(Column.ENTRY_TYPE, "新发展"));
        paths.put("everything at once", row -> row.with(Column.NAME, NAME + "1").with(Column.ID_NUMBER, ID + "1")
                .with(Column.GENDER, "?").with(Column.PHONE, PHONE + "1").with(Column.ORG_CODE, PHONE)
                .with(Column.JOINED_LEAGUE, "?").with(Column.CATEGORY, "团干部"));
        return paths.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyErrorPath")
    void noMessageRepeatsPersonalData(String path, UnaryOperator<TestRow> change) {
        TestRow row = change.apply(TestRow.valid().with(Column.NAME, NAME).with(Column.PHONE, PHONE));
        SheetRow sheetRow = row.build();
        CheckedRow checked = row.check();

        List<RowError> reported = new ArrayList<>(checked.errors());
        reported.addAll(checked.warnings());
        // Personal data in its own column, or a blank optional cell, is no error path.
        assumeFalse(reported.isEmpty());
        Set<String> personal = personalData(sheetRow);
        for (RowError error : reported) {
            assertThat(error.message()).as(error.code()).isNotBlank().doesNotContainPattern("\\d{5,}");
            for (String value : personal) {
                assertThat(error.message()).as(error.code()).doesNotContain(value);
            }
        }
        String shown = checked.toString();
        for (String value : personal) {
            assertThat(shown).doesNotContain(value);
        }
    }

    @Test
    void aValidRowPrintsMasked() {
        CheckedRow checked = TestRow.valid().with(Column.NAME, NAME).with(Column.PHONE, PHONE).check();

        assertThat(checked.valid()).isTrue();
        assertThat(checked.toString()).doesNotContain(ID, PHONE, NAME).contains(ID.substring(0, 6) + "********");
        assertThat(checked.fields().toString()).doesNotContain(ID, PHONE, NAME);
    }

    /** The row's name, ID and phone as typed, folded and as the register would store them. */
    private static Set<String> personalData(SheetRow row) {
        Set<String> values = new LinkedHashSet<>(List.of(NAME, PHONE, ID, ID.substring(6, 14), PHONE.substring(3)));
        for (Column column : List.of(Column.NAME, Column.ID_NUMBER, Column.PHONE)) {
            SheetCell cell = row.cell(TestRow.TEMPLATE.indexOf(column));
            if (cell != null && cell.kind() != SheetCell.Kind.ERROR && cell.kind() != SheetCell.Kind.BOOLEAN
                    && Text.fold(cell.text()).length() >= 2) {
                values.add(Text.fold(cell.text()));
            }
        }
        return values;
    }

}
