package cn.tuanwu.upload.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tuanwu.member.Education;
import cn.tuanwu.member.EntryType;
import cn.tuanwu.member.Ethnicities;
import cn.tuanwu.member.MemberCategory;
import cn.tuanwu.member.PoliticalStatus;
import cn.tuanwu.shared.IdNumber;
import cn.tuanwu.shared.IdNumberCheck;
import cn.tuanwu.upload.rules.Column;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint.ValidationType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFDataValidation;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TemplateWorkbookTest {

    private static final short TEXT_FORMAT = 49;

    private XSSFWorkbook workbook;
    private XSSFSheet data;

    @BeforeEach
    void writeTheTemplate() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TemplateWorkbook.write(out);
        workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
        data = workbook.getSheet("团员信息");
    }

    @AfterEach
    void closeIt() throws IOException {
        workbook.close();
    }

    @Test
    void theDataSheetComesFirstAndItsHeadersAreTheStandardsInOrder() {
        assertThat(workbook.getSheetIndex(data)).isZero();
        Row header = data.getRow(0);
        List<String> headers = new ArrayList<>();
        for (Cell cell : header) {
            headers.add(cell.getStringCellValue());
        }
        assertThat(headers).containsExactly("姓名", "身份证号", "性别", "民族", "政治面貌", "学历", "入团年月",
                "手机号码", "所在团组织编码", "人员类别", "团内职务", "增加类型");
        assertThat(headers).containsExactlyElementsOf(Arrays.stream(Column.values()).map(Column::header).toList());
        assertThat(data.getPaneInformation().isFreezePane()).isTrue();
        assertThat(data.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
    }

    @Test
    void requiredHeadersAreMarkedByStyleOnly() {
        for (Column column : Column.values()) {
            XSSFFont font = ((XSSFCellStyle) data.getRow(0).getCell(column.ordinal()).getCellStyle()).getFont();
            assertThat(font.getBold()).isTrue();
            assertThat(font.getColor() == IndexedColors.RED.getIndex())
                    .as(column.header()).isEqualTo(column.required());
        }
    }

    @Test
    void idPhoneAndJoinDateColumnsAreTextFormatted() {
        for (Column column : List.of(Column.ID_NUMBER, Column.PHONE, Column.JOINED_LEAGUE)) {
            int index = column.ordinal();
            assertThat(data.getColumnStyle(index).getDataFormat()).as(column.header()).isEqualTo(TEXT_FORMAT);
            Cell sample = data.getRow(1).getCell(index);
            assertThat(sample.getCellType()).isEqualTo(CellType.STRING);
            assertThat(sample.getCellStyle().getDataFormat()).isEqualTo(TEXT_FORMAT);
            assertThat(data.getColumnWidth(index)).isGreaterThanOrEqualTo(12 * 256);
        }
        assertThat(data.getColumnStyle(Column.NAME.ordinal()).getDataFormat()).isNotEqualTo(TEXT_FORMAT);
    }

    @Test
    void theSampleRowIsAValidPerson() {
        Row sample = data.getRow(1);
        String id = sample.getCell(Column.ID_NUMBER.ordinal()).getStringCellValue();
        IdNumberCheck check = IdNumber.check(id, LocalDate.now());
        assertThat(check).isInstanceOf(IdNumberCheck.Valid.class);
        IdNumber number = ((IdNumberCheck.Valid) check).idNumber();
        assertThat(number.birthDate().getYear()).isBetween(1998, 2002);
        assertThat(sample.getCell(Column.GENDER.ordinal()).getStringCellValue()).isEqualTo(number.gender().label());
        assertThat(sample.getCell(Column.PHONE.ordinal()).getStringCellValue()).matches("1[3-9]\\d{9}");
        assertThat(sample.getCell(Column.ORG_CODE.ordinal()).getStringCellValue()).isEqualTo("HP0101");
        assertThat(sample.getCell(Column.JOINED_LEAGUE.ordinal()).getStringCellValue()).matches("\\d{4}-\\d{2}");
        for (Column column : Column.values()) {
            if (column.required()) {
                assertThat(sample.getCell(column.ordinal()).getStringCellValue()).as(column.header()).isNotBlank();
            }
        }
        // The sample's enumerated values are ones the drop-downs offer.
        for (Map.Entry<Column, List<String>> entry : dropDowns().entrySet()) {
            Cell cell = sample.getCell(entry.getKey().ordinal());
            if (cell != null) {
                assertThat(entry.getValue()).contains(cell.getStringCellValue());
            }
        }
    }

    @Test
    void theEnumeratedColumnsHaveDropDownsWithTheStandardsValues() {
        Map<Column, List<String>> dropDowns = dropDowns();
        assertThat(dropDowns).containsOnlyKeys(Column.GENDER, Column.ETHNICITY, Column.POLITICAL_STATUS,
                Column.EDUCATION, Column.CATEGORY, Column.ENTRY_TYPE);
        assertThat(dropDowns.get(Column.GENDER)).containsExactly("男", "女");
        assertThat(dropDowns.get(Column.ETHNICITY)).hasSize(58).containsExactlyElementsOf(Ethnicities.ALL);
        assertThat(dropDowns.get(Column.POLITICAL_STATUS)).containsExactly("共青团员", "中共预备党员", "中共党员");
        assertThat(dropDowns.get(Column.EDUCATION))
                .containsExactlyElementsOf(Arrays.stream(Education.values()).map(Education::label).toList());
        assertThat(dropDowns.get(Column.CATEGORY))
                .containsExactlyElementsOf(Arrays.stream(MemberCategory.values()).map(MemberCategory::label).toList());
        assertThat(dropDowns.get(Column.ENTRY_TYPE))
                .containsExactlyElementsOf(Arrays.stream(EntryType.values()).map(EntryType::label).toList());
        assertThat(dropDowns.get(Column.POLITICAL_STATUS))
                .containsExactlyElementsOf(Arrays.stream(PoliticalStatus.values()).map(PoliticalStatus::label).toList());
    }

    @Test
    void dropDownsCoverRowsTwoToTenThousandShowTheArrowAndExplainMistakesInChinese() {
        for (XSSFDataValidation validation : data.getDataValidations()) {
            CellRangeAddress[] regions = validation.getRegions().getCellRangeAddresses();
            assertThat(regions).hasSize(1);
            assertThat(regions[0].getFirstRow()).isEqualTo(1);
            assertThat(regions[0].getLastRow()).isEqualTo(9_999);
            assertThat(regions[0].getFirstColumn()).isEqualTo(regions[0].getLastColumn());
            assertThat(validation.getValidationConstraint().getValidationType()).isEqualTo(ValidationType.LIST);
            assertThat(validation.getShowErrorBox()).isTrue();
            assertThat(validation.getErrorStyle()).isEqualTo(DataValidation.ErrorStyle.STOP);
            assertThat(validation.getErrorBoxText()).contains("请从下拉列表中选择");
            assertThat(validation.getShowPromptBox()).isTrue();
            assertThat(validation.getPromptBoxText()).isNotBlank().hasSizeLessThanOrEqualTo(255);
        }
    }

    @Test
    void dropDownsShowTheArrow() {
        var validations = data.getCTWorksheet().getDataValidations().getDataValidationArray();
        assertThat(validations).hasSize(6);
        // showDropDown="1" would hide the arrow: the attribute means the opposite of its name.
        assertThat(validations).allSatisfy(validation -> assertThat(validation.getShowDropDown()).isFalse());
    }

    @Test
    void theEthnicityListSitsOnAHiddenOptionsSheet() {
        Sheet options = workbook.getSheet("选项");
        assertThat(options).isNotNull();
        int index = workbook.getSheetIndex(options);
        assertThat(workbook.isSheetHidden(index) || workbook.isSheetVeryHidden(index)).isTrue();
        assertThat(workbook.isSheetHidden(workbook.getSheetIndex(data))).isFalse();
    }

    @Test
    void anInstructionsSheetExplainsEveryColumn() {
        Sheet instructions = workbook.getSheet("填写说明");
        assertThat(instructions).isNotNull();
        assertThat(workbook.isSheetHidden(workbook.getSheetIndex(instructions))).isFalse();
        Map<String, String> requirementByHeader = new HashMap<>();
        Map<String, String> ruleByHeader = new HashMap<>();
        for (Row row : instructions) {
            Cell first = row.getCell(0);
            Cell rule = row.getCell(2);
            if (first != null && rule != null) {
                requirementByHeader.put(first.getStringCellValue(), row.getCell(1).getStringCellValue());
                ruleByHeader.put(first.getStringCellValue(), rule.getStringCellValue());
            }
        }
        for (Column column : Column.values()) {
            assertThat(ruleByHeader.get(column.header())).as(column.header()).isNotBlank();
            assertThat(requirementByHeader.get(column.header()).startsWith("必填")).isEqualTo(column.required());
        }
        assertThat(ruleByHeader.get("学历")).contains("硕士研究生", "中专");
        assertThat(ruleByHeader.get("增加类型")).contains("新入学", "补录");
        assertThat(ruleByHeader.get("入团年月")).contains("2017-09");
    }

    /** Every list validation of the data sheet, by column, with its values resolved. */
    private Map<Column, List<String>> dropDowns() {
        Map<Column, List<String>> byColumn = new HashMap<>();
        for (XSSFDataValidation validation : data.getDataValidations()) {
            Column column = Column.values()[validation.getRegions().getCellRangeAddress(0).getFirstColumn()];
            String[] explicit = validation.getValidationConstraint().getExplicitListValues();
            byColumn.put(column, explicit != null ? List.of(explicit)
                    : valuesOf(validation.getValidationConstraint().getFormula1()));
        }
        return byColumn;
    }

    private List<String> valuesOf(String formula) {
        var name = workbook.getName(formula);
        String reference = name != null ? name.getRefersToFormula() : formula;
        AreaReference area = new AreaReference(reference, workbook.getSpreadsheetVersion());
        List<String> values = new ArrayList<>();
        for (CellReference cell : area.getAllReferencedCells()) {
            values.add(workbook.getSheet(cell.getSheetName()).getRow(cell.getRow()).getCell(cell.getCol())
                    .getStringCellValue());
        }
        return values;
    }
}
