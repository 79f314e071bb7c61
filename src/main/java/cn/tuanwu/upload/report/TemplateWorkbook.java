package cn.tuanwu.upload.report;

import cn.tuanwu.shared.IdNumber;
import cn.tuanwu.upload.rules.Column;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFDataValidationHelper;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The blank upload template ({@code template.xlsx}): the headers of the data standard in order, a
 * sample row, text format where Excel would otherwise mangle numbers, drop-down lists for the
 * enumerated columns and a sheet of instructions.
 */
public final class TemplateWorkbook {

    static final String DATA_SHEET = "团员信息";
    static final String INSTRUCTIONS_SHEET = "填写说明";
    static final String OPTIONS_SHEET = "选项";
    static final String ETHNICITY_RANGE_NAME = "EthnicityOptions";
    /** Drop-downs and text format reach this far (rows 2..10000); beyond it Excel behaves as usual. */
    static final int LAST_VALIDATED_ROW = 9_999;

    /**
     * Columns Excel would turn into numbers: an 18-digit ID loses its last three digits, a phone or
     * an all-digit organisation code its leading zeros, and 2015-05 becomes a date.
     */
    private static final List<Column> TEXT_COLUMNS =
            List.of(Column.ID_NUMBER, Column.JOINED_LEAGUE, Column.PHONE, Column.ORG_CODE);

    private TemplateWorkbook() {
    }

    public static void write(OutputStream out) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            XSSFSheet data = workbook.createSheet(DATA_SHEET);
            XSSFSheet instructions = workbook.createSheet(INSTRUCTIONS_SHEET);
            XSSFSheet options = workbook.createSheet(OPTIONS_SHEET);

            CellStyle text = workbook.createCellStyle();
            text.setDataFormat((short) BuiltinFormats.getBuiltinFormat("@"));
            writeHeaders(workbook, data, text);
            writeSample(data, text);
            writeOptions(workbook, options);
            addDropDowns(data);
            writeInstructions(workbook, instructions);

            // Very hidden: the lists stay out of the way and cannot be unhidden and edited by hand.
            workbook.setSheetVisibility(workbook.getSheetIndex(options), SheetVisibility.VERY_HIDDEN);
            workbook.setActiveSheet(0);
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the upload template", e);
        }
    }

    private static void writeHeaders(XSSFWorkbook workbook, XSSFSheet sheet, CellStyle text) {
        CellStyle required = headerStyle(workbook, IndexedColors.RED);
        CellStyle optional = headerStyle(workbook, IndexedColors.BLACK);
        Row row = sheet.createRow(0);
        for (Column column : Column.values()) {
            int index = column.ordinal();
            var cell = row.createCell(index);
            // The text stays exactly the header (no "*"): readers match columns by header name.
            cell.setCellValue(column.header());
            cell.setCellStyle(column.required() ? required : optional);
            sheet.setColumnWidth(index, width(column) * 256);
            if (TEXT_COLUMNS.contains(column)) {
                // The column's default style is what Excel gives cells typed into it later.
                sheet.setDefaultColumnStyle(index, text);
            }
        }
        sheet.createFreezePane(0, 1);
    }

    private static CellStyle headerStyle(XSSFWorkbook workbook, IndexedColors colour) {
        Font font = workbook.createFont();
        font.setBold(true);
        font.setColor(colour.getIndex());
        CellStyle style = workbook.createCellStyle();
        style.setFont(font);
        style.setVerticalAlignment(VerticalAlignment.CENTER);
        return style;
    }

    /** Widths in characters; a Chinese character counts about two. */
    private static int width(Column column) {
        return switch (column) {
            case NAME, ETHNICITY, EDUCATION, JOINED_LEAGUE, CATEGORY, ENTRY_TYPE -> 12;
            case ID_NUMBER -> 22;
            case GENDER -> 8;
            case POLITICAL_STATUS -> 14;
            case PHONE -> 15;
            case ORG_CODE -> 18;
            case POST -> 16;
        };
    }

    private static void writeSample(XSSFSheet sheet, CellStyle text) {
        Row row = sheet.createRow(1);
        for (Map.Entry<Column, String> entry : sampleRow().entrySet()) {
            var cell = row.createCell(entry.getKey().ordinal());
            cell.setCellValue(entry.getValue());
            if (TEXT_COLUMNS.contains(entry.getKey())) {
                cell.setCellStyle(text);
            }
        }
    }

    /** A made-up man born on 15 March 2000 in Beijing's Dongcheng district; a valid row in every rule. */
    static Map<Column, String> sampleRow() {
        String body = "11010120000315123";
        Map<Column, String> sample = new EnumMap<>(Column.class);
        sample.put(Column.NAME, "李明");
        sample.put(Column.ID_NUMBER, body + IdNumber.checkCharacter(body));
        sample.put(Column.GENDER, "男");
        sample.put(Column.ETHNICITY, "汉族");
        sample.put(Column.POLITICAL_STATUS, "共青团员");
        sample.put(Column.EDUCATION, "本科");
        sample.put(Column.JOINED_LEAGUE, "2015-05");
        sample.put(Column.PHONE, "13800138000");
        sample.put(Column.ORG_CODE, "HP0101");
        sample.put(Column.CATEGORY, "团员");
        sample.put(Column.ENTRY_TYPE, "补录");
        return sample;
    }

    /**
     * 民族 has 58 values, over Excel's 255-character limit for a list typed into the validation, so
     * they live on the hidden sheet behind a name (which older Excel versions need to reach
     * another sheet).
     */
    private static void writeOptions(XSSFWorkbook workbook, XSSFSheet options) {
        List<String> ethnicities = TemplateChoices.of(Column.ETHNICITY).orElseThrow();
        for (int i = 0; i < ethnicities.size(); i++) {
            options.createRow(i).createCell(0).setCellValue(ethnicities.get(i));
        }
        Name name = workbook.createName();
        name.setNameName(ETHNICITY_RANGE_NAME);
        name.setRefersToFormula("'" + OPTIONS_SHEET + "'!$A$1:$A$" + ethnicities.size());
    }

    private static void addDropDowns(XSSFSheet sheet) {
        XSSFDataValidationHelper helper = new XSSFDataValidationHelper(sheet);
        for (Column column : Column.values()) {
            Optional<List<String>> choices = TemplateChoices.of(column);
            if (choices.isEmpty()) {
                continue;
            }
            DataValidationConstraint constraint = column == Column.ETHNICITY
                    ? helper.createFormulaListConstraint(ETHNICITY_RANGE_NAME)
                    : helper.createExplicitListConstraint(choices.get().toArray(String[]::new));
            int index = column.ordinal();
            DataValidation validation = helper.createValidation(
                    constraint, new CellRangeAddressList(1, LAST_VALIDATED_ROW, index, index));
            // POI's naming is inverted for XSSF: true here is what makes Excel show the arrow.
            validation.setSuppressDropDownArrow(true);
            validation.setErrorStyle(DataValidation.ErrorStyle.STOP);
            validation.setShowErrorBox(true);
            validation.createErrorBox("输入有误", "请从下拉列表中选择" + column.header() + "。");
            validation.setShowPromptBox(true);
            validation.createPromptBox(column.header(), prompt(column, choices.get()));
            sheet.addValidationData(validation);
        }
    }

    /** Excel caps a prompt at 255 characters, so the long 民族 list is not spelled out. */
    private static String prompt(Column column, List<String> choices) {
        if (column == Column.ETHNICITY) {
            return "请从下拉列表中选择，如 汉族。";
        }
        return "请从下拉列表中选择：" + String.join("、", choices)
                + (column.required() ? "。必填。" : "。可不填。");
    }

    private static void writeInstructions(XSSFWorkbook workbook, XSSFSheet sheet) {
        Font boldFont = workbook.createFont();
        boldFont.setBold(true);
        CellStyle bold = workbook.createCellStyle();
        bold.setFont(boldFont);
        CellStyle wrap = workbook.createCellStyle();
        wrap.setWrapText(true);
        wrap.setVerticalAlignment(VerticalAlignment.TOP);

        int rowIndex = 0;
        var title = sheet.createRow(rowIndex++).createCell(0);
        title.setCellValue("团员信息模板填写说明");
        title.setCellStyle(bold);
        for (String line : TemplateInstructions.GENERAL) {
            sheet.createRow(rowIndex++).createCell(0).setCellValue(line);
        }
        rowIndex++;
        Row header = sheet.createRow(rowIndex++);
        String[] headings = {"列名", "是否必填", "填写要求"};
        for (int i = 0; i < headings.length; i++) {
            var cell = header.createCell(i);
            cell.setCellValue(headings[i]);
            cell.setCellStyle(bold);
        }
        for (Column column : Column.values()) {
            Row row = sheet.createRow(rowIndex++);
            row.createCell(0).setCellValue(column.header());
            row.createCell(1).setCellValue(TemplateInstructions.requirement(column));
            var rule = row.createCell(2);
            rule.setCellValue(TemplateInstructions.rule(column));
            rule.setCellStyle(wrap);
        }
        sheet.setColumnWidth(0, 18 * 256);
        sheet.setColumnWidth(1, 18 * 256);
        sheet.setColumnWidth(2, 90 * 256);
    }
}
