package cn.tuanwu.upload.report;

import cn.tuanwu.shared.CellText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tuanwu.upload.report.ErrorReport.ReportedError;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipFile;
import javax.xml.parsers.SAXParserFactory;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

class ErrorReportTest {

    private static final List<String> HEADERS = List.of("姓名", "身份证号", "民族", "备注");
    private static final String SHEET = "xl/worksheets/sheet1.xml";

    @TempDir
    Path directory;

    @Test
    void theHeaderRowIsTheUploadedHeadersThenRowNumberOutcomeAndMessages() throws IOException {
        try (XSSFWorkbook workbook = read(report(List.of(" 姓名 ", "身份证号码", "", "自定义列"), report -> { }))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(1);
            Sheet sheet = workbook.getSheet("错误报告");
            assertThat(sheet).isNotNull();
            assertThat(texts(sheet.getRow(0)))
                    .containsExactly(" 姓名 ", "身份证号码", "", "自定义列", "行号", "结果", "错误说明");
            assertThat(workbook.getFontAt(sheet.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(sheet.getLastRowNum()).isZero();
        }
    }

    @Test
    void rowsKeepTheUploadedCellsAndListEveryErrorInTheGivenOrder() throws IOException {
        byte[] bytes = report(HEADERS, report -> {
            report.row(7, Arrays.asList("张三", "11010519491231002X", null, "多行\n备注\r\n\t缩进 _x0041_ 😀"), "已拒绝", List.of(
                    new ReportedError("E_ETHNICITY", "民族不在标准列表中", 2),
                    new ReportedError("E_DUPLICATE_IN_FILE", "与第 3 行重复", null)));
            report.row(3, List.of("李四", "110101200003151234", "汉族", ""), "新增", List.of());
            report.row(12, List.of("王五"), "已拒绝", List.of(new ReportedError("E_REQUIRED", "身份证号必填", 1)));
        });
        try (XSSFWorkbook workbook = read(bytes)) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(3);

            Row first = sheet.getRow(1);
            assertThat(first.getCell(0).getStringCellValue()).isEqualTo("张三");
            assertThat(first.getCell(1).getStringCellValue()).isEqualTo("11010519491231002X");
            assertThat(first.getCell(3).getStringCellValue()).isEqualTo("多行\n备注\r\n\t缩进 _x0041_ 😀");
            assertThat(first.getCell(4).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(first.getCell(4).getNumericCellValue()).isEqualTo(7);
            assertThat(first.getCell(5).getStringCellValue()).isEqualTo("已拒绝");
            assertThat(first.getCell(6).getStringCellValue())
                    .isEqualTo("E_ETHNICITY：民族不在标准列表中\nE_DUPLICATE_IN_FILE：与第 3 行重复");
            assertThat(first.getCell(6).getCellStyle().getWrapText()).isTrue();

            Row second = sheet.getRow(2);
            assertThat(texts(second).subList(0, 3)).containsExactly("李四", "110101200003151234", "汉族");
            assertThat(second.getCell(4).getNumericCellValue()).isEqualTo(3);
            assertThat(second.getCell(5).getStringCellValue()).isEqualTo("新增");
            assertThat(second.getCell(6).getStringCellValue()).isEmpty();

            Row third = sheet.getRow(3);
            assertThat(third.getCell(4).getNumericCellValue()).isEqualTo(12);
            assertThat(third.getCell(6).getStringCellValue()).isEqualTo("E_REQUIRED：身份证号必填");
        }
    }

    @Test
    void wrongCellsAreHighlightedAndNoOthers() throws IOException {
        byte[] bytes = report(HEADERS, report -> {
            report.row(2, List.of("张三", "123", "火星族", "x"), "已拒绝", List.of(
                    new ReportedError("E_ID_LENGTH", "身份证号应为 18 位", 1),
                    new ReportedError("E_ETHNICITY", "民族不在标准列表中", 2),
                    new ReportedError("E_WHOLE_ROW", "整行的问题", null),
                    new ReportedError("E_ELSEWHERE", "列号超出范围", 99)));
            report.row(3, Arrays.asList("李四", null, "汉族", null), "已拒绝",
                    List.of(new ReportedError("E_REQUIRED", "身份证号必填", 1)));
            report.row(4, List.of("王五", "110101200003151234", "汉族", "x"), "新增", List.of());
        });
        try (XSSFWorkbook workbook = read(bytes)) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(highlighted(sheet.getRow(1))).containsExactly(1, 2);
            // A blank wrong cell is highlighted too, so the admin sees where to type.
            assertThat(highlighted(sheet.getRow(2))).containsExactly(1);
            assertThat(sheet.getRow(2).getCell(1).getCellType()).isEqualTo(CellType.BLANK);
            assertThat(highlighted(sheet.getRow(3))).isEmpty();
            assertThat(highlighted(sheet.getRow(0))).isEmpty();
        }
    }

    @Test
    void formulaLikeTextIsQuotedTextAndNoCellIsEverAFormula() throws IOException {
        List<String> dangerous = List.of("=1+1", "+SUM(A1)", "-2+3", "@cmd", "\t=1", "\r=1");
        byte[] bytes = report(List.of("=HYPERLINK(\"http://x\")", "+头", "姓名", "-", "@", "普通"), report -> {
            report.row(2, dangerous, "=outcome", List.of(new ReportedError("E_X", "=1+1", 0)));
            report.row(3, List.of("1+1", "a=b", "张三", "13800138000", "", "汉族"), "新增", List.of());
        });
        try (XSSFWorkbook workbook = read(bytes)) {
            Sheet sheet = workbook.getSheetAt(0);
            for (Row row : sheet) {
                for (Cell cell : row) {
                    assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA);
                    if (cell.getCellType() == CellType.STRING) {
                        String value = cell.getStringCellValue();
                        assertThat(cell.getCellStyle().getQuotePrefixed())
                                .as("row %d cell %d", row.getRowNum(), cell.getColumnIndex())
                                .isEqualTo(!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0);
                    }
                }
            }
            assertThat(texts(sheet.getRow(0)).subList(0, 4)).containsExactly("=HYPERLINK(\"http://x\")", "+头", "姓名", "-");
            assertThat(texts(sheet.getRow(1)).subList(0, 6)).containsExactlyElementsOf(dangerous);
            assertThat(sheet.getRow(1).getCell(0).getCellStyle().getFillPattern()).isEqualTo(FillPatternType.SOLID_FOREGROUND);
            assertThat(sheet.getRow(1).getCell(7).getStringCellValue()).isEqualTo("=outcome");
            assertThat(sheet.getRow(2).getCell(0).getCellStyle().getQuotePrefixed()).isFalse();
        }
        assertThat(sheetXml(bytes)).doesNotContain("<f>").doesNotContain("<f ");
    }

    @Test
    void charactersIllegalInXmlAreStrippedAndLongTextIsCut() throws IOException {
        String controls = "a\u0000b\u0001c\u0008d\u000Be\u000Cf\u001Fg\uFFFEh\uFFFFi\uD800j\tk";
        String tooLong = "长".repeat(40_000);
        byte[] bytes = report(List.of("h\u0007eader", "备注"), report ->
                report.row(2, List.of(controls, tooLong), "已拒\u0002绝",
                        List.of(new ReportedError("E_X", "坏\u0003字符", 0))));
        try (XSSFWorkbook workbook = read(bytes)) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("header");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("abcdefghij\tk");
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).hasSize(32_767);
            assertThat(sheet.getRow(1).getCell(3).getStringCellValue()).isEqualTo("已拒绝");
            assertThat(sheet.getRow(1).getCell(4).getStringCellValue()).isEqualTo("E_X：坏字符");
        }
    }

    @Test
    void textThatLooksLikeAnOoxmlEscapeComesBackAsTyped() throws IOException {
        List<String> cells = List.of("_x0041_", "a_x00e9_b_X0041_", "_x005F_", "_x12_");
        try (XSSFWorkbook workbook = read(report(HEADERS, report -> report.row(2, cells, "已拒绝", List.of())))) {
            assertThat(texts(workbook.getSheetAt(0).getRow(1)).subList(0, 4)).containsExactlyElementsOf(cells);
        }
    }

    @Test
    void cuttingNeverSplitsASurrogatePair() {
        String text = "a" + "😀".repeat(20_000);
        String cut = CellText.clean(text);
        assertThat(cut.length()).isLessThanOrEqualTo(32_767);
        assertThat(Character.isHighSurrogate(cut.charAt(cut.length() - 1))).isFalse();
        assertThat(cut).isEqualTo("a" + "😀".repeat(16_383));
    }

    @Test
    void rowsCannotBeAddedAfterWritingOrClosing() {
        ErrorReport report = new ErrorReport(HEADERS);
        report.writeTo(new ByteArrayOutputStream());
        assertThatThrownBy(() -> report.row(2, List.of(), "新增", List.of())).isInstanceOf(IllegalStateException.class);
        report.close();
        assertThatThrownBy(() -> report.writeTo(new ByteArrayOutputStream())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void twoHundredThousandRowsStream() throws Exception {
        // Few columns keep the test quick; memory depends on the row window, not on the row count.
        List<String> headers = HEADERS;
        List<String> cells = List.of("张三", "110101200003151234", "汉族", "备注");
        List<ReportedError> errors = List.of(new ReportedError("E_ID_CHECKSUM", "身份证号校验位不对", 1));
        int rows = 200_000;
        Path file = directory.resolve("errors.xlsx");
        try (ErrorReport report = new ErrorReport(headers); OutputStream out = Files.newOutputStream(file)) {
            for (int i = 0; i < rows; i++) {
                report.row(i + 2, cells, "已拒绝", errors);
            }
            report.writeTo(out);
        }
        // Counted with SAX over the sheet's XML: the file is too big to open comfortably as a DOM.
        RowCounter counter = new RowCounter("E");
        try (ZipFile zip = new ZipFile(file.toFile()); InputStream sheet = zip.getInputStream(zip.getEntry(SHEET))) {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.newSAXParser().parse(sheet, counter);
        }
        assertThat(counter.rows).isEqualTo(rows + 1);
        assertThat(counter.lastRowReference).isEqualTo(String.valueOf(rows + 1));
        assertThat(Double.parseDouble(counter.lastValue)).isEqualTo(rows + 1);
        assertThat(counter.formulas).isZero();
    }

    private interface Filler {
        void fill(ErrorReport report);
    }

    private static byte[] report(List<String> headers, Filler filler) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ErrorReport report = new ErrorReport(headers)) {
            filler.fill(report);
            report.writeTo(out);
        }
        return out.toByteArray();
    }

    private static XSSFWorkbook read(byte[] bytes) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(bytes));
    }

    private static List<String> texts(Row row) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < row.getLastCellNum(); i++) {
            Cell cell = row.getCell(i);
            texts.add(cell == null ? null : cell.getCellType() == CellType.STRING ? cell.getStringCellValue() : cell.toString());
        }
        return texts;
    }

    private static List<Integer> highlighted(Row row) {
        List<Integer> columns = new ArrayList<>();
        for (Cell cell : row) {
            if (cell.getCellStyle().getFillPattern() == FillPatternType.SOLID_FOREGROUND
                    && cell.getCellStyle().getFillForegroundColor() == IndexedColors.ROSE.getIndex()) {
                columns.add(cell.getColumnIndex());
            }
        }
        Collections.sort(columns);
        return columns;
    }

    private String sheetXml(byte[] bytes) throws IOException {
        Path file = Files.write(directory.resolve("report.xlsx"), bytes);
        try (ZipFile zip = new ZipFile(file.toFile()); InputStream sheet = zip.getInputStream(zip.getEntry(SHEET))) {
            return new String(sheet.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Counts rows and formulas, and keeps the last row's number and the value in one column. */
    private static final class RowCounter extends DefaultHandler {
        private final String column;
        private int rows;
        private int formulas;
        private String lastRowReference;
        private String lastValue;
        private boolean inWantedCell;
        private final StringBuilder text = new StringBuilder();

        RowCounter(String column) {
            this.column = column;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            switch (localName) {
                case "row" -> {
                    rows++;
                    lastRowReference = attributes.getValue("r");
                }
                case "c" -> inWantedCell = attributes.getValue("r").equals(column + lastRowReference);
                case "v" -> text.setLength(0);
                case "f" -> formulas++;
                default -> { }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            text.append(ch, start, length);
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            if (localName.equals("v") && inWantedCell) {
                lastValue = text.toString();
            }
        }
    }
}
