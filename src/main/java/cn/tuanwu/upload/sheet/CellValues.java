package cn.tuanwu.upload.sheet;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;
import org.apache.poi.ss.usermodel.DateUtil;

/** The number and date rules shared by the .xlsx and .xls readers, so both map a cell the same way. */
final class CellValues {

    /** An Excel double never needs more digits than this in plain form (Double.MIN_VALUE ~ 4.9E-324). */
    private static final int MAX_PLAIN_SCALE = 400;

    /** 9999-12-31, the last day Excel can show; larger "dates" stay numbers. */
    private static final double LAST_EXCEL_DATE = 2958466;

    /** Error texts Excel writes; fastexcel reports a formula's cached error like a cached string. */
    private static final Set<String> ERROR_TEXTS = Set.of("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?",
            "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!",
            "#BUSY!", "#UNKNOWN!", "#PYTHON!");

    private CellValues() {
    }

    static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        // A crafted "1E+999999999" would expand to a billion digits in toPlainString.
        if (Math.abs((long) stripped.scale()) > MAX_PLAIN_SCALE) {
            throw new IllegalArgumentException("number out of range");
        }
        return stripped.toPlainString();
    }

    /**
     * Whether a number format shows a date. POI knows the international built-in formats; Excel in a
     * Chinese (or other East Asian) locale also uses built-ins 27–36 and 50–58 for its
     * {@code yyyy"年"m"月"d"日"}-style dates without writing their format text into the file.
     */
    static boolean isDateFormat(int formatId, String formatString) {
        String format = formatString == null || formatString.startsWith("reserved-") ? null : formatString;
        if (format == null && (formatId >= 27 && formatId <= 36 || formatId >= 50 && formatId <= 58)) {
            return true;
        }
        return DateUtil.isADateFormat(formatId, format);
    }

    /** The day of an Excel serial date, or null when the value cannot be a date Excel shows. */
    static LocalDate toDate(double serial, boolean date1904) {
        if (!(serial >= 0 && serial < LAST_EXCEL_DATE)) {
            return null;
        }
        LocalDateTime dateTime = DateUtil.getLocalDateTime(serial, date1904);
        return dateTime == null ? null : dateTime.toLocalDate();
    }

    static SheetCell number(BigDecimal value, boolean dateFormat, boolean date1904, boolean formula) {
        LocalDate date = dateFormat ? toDate(value.doubleValue(), date1904) : null;
        if (date != null) {
            return new SheetCell(date.toString(), SheetCell.Kind.DATE, date, formula);
        }
        return new SheetCell(plain(value), SheetCell.Kind.NUMBER, null, formula);
    }

    static SheetCell bool(boolean value, boolean formula) {
        return new SheetCell(value ? "TRUE" : "FALSE", SheetCell.Kind.BOOLEAN, null, formula);
    }

    static SheetCell error(String text, boolean formula) {
        return new SheetCell(text, SheetCell.Kind.ERROR, null, formula);
    }

    static SheetCell text(String text, boolean formula) {
        return new SheetCell(text, SheetCell.Kind.TEXT, null, formula);
    }

    static boolean isErrorText(String text) {
        return ERROR_TEXTS.contains(text);
    }
}
