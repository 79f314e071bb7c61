package cn.tuanwu.upload.rules;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tuanwu.upload.sheet.SheetCell;
import cn.tuanwu.upload.sheet.SheetRow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HeaderMatcherTest {

    static SheetRow row(int rowNumber, String... texts) {
        List<SheetCell> cells = new ArrayList<>();
        for (String text : texts) {
            cells.add(text == null ? null : SheetCell.text(text));
        }
        return new SheetRow(rowNumber, cells);
    }

    static String[] templateHeaders() {
        return Arrays.stream(Column.values()).map(Column::header).toArray(String[]::new);
    }

    @Test
    void theTemplatesHeaderMapsEveryColumnInOrder() {
        ColumnMap map = HeaderMatcher.match(row(1, templateHeaders())).orElseThrow();

        assertThat(map.headerRowNumber()).isEqualTo(1);
        for (Column column : Column.values()) {
            assertThat(map.indexOf(column)).isEqualTo(column.ordinal());
        }
        assertThat(map.unknown()).isEmpty();
        assertThat(map.missingRequired()).isEmpty();
    }

    @Test
    void matchesAliasesInAnyOrder() {
        ColumnMap map = HeaderMatcher.match(row(1, "录入类型", "职务", "身份", "组织编码", "联系电话", "入团时间",
                "文化程度", "政治面貌", "民族", "性别", "公民身份号码", "名字")).orElseThrow();

        assertThat(map.columns()).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry(Column.ENTRY_TYPE, 0), Map.entry(Column.POST, 1), Map.entry(Column.CATEGORY, 2),
                Map.entry(Column.ORG_CODE, 3), Map.entry(Column.PHONE, 4), Map.entry(Column.JOINED_LEAGUE, 5),
                Map.entry(Column.EDUCATION, 6), Map.entry(Column.POLITICAL_STATUS, 7), Map.entry(Column.ETHNICITY, 8),
                Map.entry(Column.GENDER, 9), Map.entry(Column.ID_NUMBER, 10), Map.entry(Column.NAME, 11)));
        assertThat(map.unknown()).isEmpty();
        assertThat(map.missingRequired()).isEmpty();
    }

    @Test
    void foldsFullWidthTextSpacesAndRequiredMarks() {
        ColumnMap map = HeaderMatcher.match(row(1, " 姓 名* ", "身份证号（必填）", "\u3000民族\u3000", "政治面貌(必填)",
                "\u200B学历", "＊入团年月", "手机号码\uFF0A", "所在团组织编码 （必填）", "证件号码")).orElseThrow();

        assertThat(map.indexOf(Column.NAME)).isZero();
        assertThat(map.indexOf(Column.ID_NUMBER)).isEqualTo(1);
        assertThat(map.indexOf(Column.ETHNICITY)).isEqualTo(2);
        assertThat(map.indexOf(Column.POLITICAL_STATUS)).isEqualTo(3);
        assertThat(map.indexOf(Column.EDUCATION)).isEqualTo(4);
        assertThat(map.indexOf(Column.JOINED_LEAGUE)).isEqualTo(5);
        assertThat(map.indexOf(Column.PHONE)).isEqualTo(6);
        assertThat(map.indexOf(Column.ORG_CODE)).isEqualTo(7);
        assertThat(map.missingRequired()).isEmpty();
        // The second ID column is a duplicate: ignored with a warning, the first one counts.
        assertThat(map.unknown()).containsExactly(new UnknownColumn(8, "证件号码"));
    }

    @Test
    void findsTheHeaderOnRowThreeOfTen() {
        List<SheetRow> rows = new ArrayList<>();
        rows.add(row(1, "2025年团员信息登记表"));
        rows.add(row(2, "填报单位：某某团委", null, "填报日期：2025-06-01"));
        rows.add(row(3, templateHeaders()));
        for (int n = 4; n <= 10; n++) {
            rows.add(row(n, "张三", "身份证号"));  // data rows never get that far; the first header wins
        }

        Optional<ColumnMap> header = HeaderMatcher.find(rows);

        assertThat(header).isPresent();
        assertThat(header.get().headerRowNumber()).isEqualTo(3);
        assertThat(header.get().indexOf(Column.ID_NUMBER)).isEqualTo(1);
    }

    @Test
    void looksNoFurtherThanRowTen() {
        List<SheetRow> rows = new ArrayList<>();
        for (int n = 1; n <= 10; n++) {
            rows.add(row(n, "说明第" + n + "行"));
        }
        rows.add(row(11, templateHeaders()));

        assertThat(HeaderMatcher.find(rows)).isEmpty();
    }

    @Test
    void aRowWithoutAnIdColumnIsNoHeader() {
        assertThat(HeaderMatcher.match(row(1, "姓名", "民族", "手机号码"))).isEmpty();
        assertThat(HeaderMatcher.match(row(1, "张三", "11010519491231002X"))).isEmpty();
    }

    @Test
    void reportsUnknownAndDuplicateColumnsAndIgnoresEmptyHeaderCells() {
        List<String> headers = new ArrayList<>(Arrays.asList(templateHeaders()));
        headers.add(null);
        headers.add("  ");
        headers.add("备注");
        headers.add("名字");
        ColumnMap map = HeaderMatcher.match(row(2, headers.toArray(String[]::new))).orElseThrow();

        assertThat(map.unknown()).containsExactly(new UnknownColumn(14, "备注"), new UnknownColumn(15, "名字"));
        assertThat(map.indexOf(Column.NAME)).isZero();
        assertThat(map.missingRequired()).isEmpty();
    }

    @Test
    void listsMissingRequiredColumnsInTheTemplatesOrder() {
        ColumnMap map = HeaderMatcher.match(row(1, "手机", "身份证号", "姓名", "政治面貌", "学历", "入团年月",
                "所在团组织编码")).orElseThrow();

        assertThat(map.missingRequired()).containsExactly(Column.ETHNICITY, Column.PHONE);
        assertThat(map.unknown()).containsExactly(new UnknownColumn(0, "手机"));
        assertThat(HeaderMatcher.missingColumnsMessage(map.missingRequired()))
                .isEqualTo("缺少必填列：民族、手机号码。请使用系统模板，或补齐缺少的列");
    }

    @Test
    void optionalColumnsMayBeAbsent() {
        ColumnMap map = HeaderMatcher.match(row(1, "姓名", "身份证号", "民族", "政治面貌", "学历", "入团年月",
                "手机号码", "所在团组织编码")).orElseThrow();

        assertThat(map.missingRequired()).isEmpty();
        assertThat(map.indexOf(Column.GENDER)).isEqualTo(-1);
    }

    @Test
    void headerCellsOfOtherKindsAreReadByTheirText() {
        SheetRow row = new SheetRow(1, List.of(SheetCell.text("身份证号"), SheetCell.number("2025")));

        ColumnMap map = HeaderMatcher.match(row).orElseThrow();

        assertThat(map.unknown()).containsExactly(new UnknownColumn(1, "2025"));
    }
}
