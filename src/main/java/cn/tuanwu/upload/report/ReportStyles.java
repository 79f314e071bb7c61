package cn.tuanwu.upload.report;

import java.util.EnumMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The report's few cell styles, made once: a workbook holds at most 64,000 styles, so they are
 * never made per cell.
 */
final class ReportStyles {

    enum Kind {
        /** The header row. */
        HEADER,
        /** An uploaded cell, as text so that a corrected ID number stays text when typed again. */
        UPLOADED,
        /** An uploaded cell that broke a rule. */
        WRONG,
        /** 行号 and 结果. */
        PLAIN,
        /** 错误说明: one error a line. */
        MESSAGES
    }

    private final Map<Kind, CellStyle> plain = new EnumMap<>(Kind.class);
    private final Map<Kind, CellStyle> quoted = new EnumMap<>(Kind.class);

    ReportStyles(Workbook workbook) {
        for (Kind kind : Kind.values()) {
            plain.put(kind, create(workbook, kind, false));
            quoted.put(kind, create(workbook, kind, true));
        }
    }

    /** The style of {@code kind}, quote-prefixed when the text would otherwise read as a formula. */
    CellStyle of(Kind kind, boolean quotePrefixed) {
        return (quotePrefixed ? quoted : plain).get(kind);
    }

    private static CellStyle create(Workbook workbook, Kind kind, boolean quotePrefixed) {
        CellStyle style = workbook.createCellStyle();
        style.setQuotePrefixed(quotePrefixed);
        style.setVerticalAlignment(VerticalAlignment.TOP);
        switch (kind) {
            case HEADER -> {
                Font bold = workbook.createFont();
                bold.setBold(true);
                style.setFont(bold);
            }
            case UPLOADED -> style.setDataFormat((short) BuiltinFormats.getBuiltinFormat("@"));
            case WRONG -> {
                style.setDataFormat((short) BuiltinFormats.getBuiltinFormat("@"));
                style.setFillForegroundColor(IndexedColors.ROSE.getIndex());
                style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            }
            case PLAIN -> {
                // the workbook's defaults
            }
            case MESSAGES -> style.setWrapText(true);
        }
        return style;
    }
}
