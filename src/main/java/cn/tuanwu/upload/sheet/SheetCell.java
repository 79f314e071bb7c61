package cn.tuanwu.upload.sheet;

import java.time.LocalDate;

/**
 * One non-empty cell as the file stores it, before any rule of the data standard.
 *
 * @param text    TEXT: the string as stored (not trimmed); NUMBER: the value as a plain decimal
 *                without exponent or trailing zeros ("13812345678", "201709", "1.5"); DATE: ISO
 *                {@code yyyy-MM-dd}; BOOLEAN: "TRUE" or "FALSE"; ERROR: the error text ("#N/A")
 * @param kind    how the file stores the value
 * @param date    the date, for DATE cells only (an Excel number with a date format)
 * @param formula whether the cell holds a formula (its cached value is what the other fields show)
 */
public record SheetCell(String text, Kind kind, LocalDate date, boolean formula) {

    public enum Kind { TEXT, NUMBER, DATE, BOOLEAN, ERROR }

    public static SheetCell text(String text) {
        return new SheetCell(text, Kind.TEXT, null, false);
    }

    public static SheetCell number(String plainDecimal) {
        return new SheetCell(plainDecimal, Kind.NUMBER, null, false);
    }

    public static SheetCell date(LocalDate date) {
        return new SheetCell(date.toString(), Kind.DATE, date, false);
    }

    /** Never the cell's content: cells hold personal data. */
    @Override
    public String toString() {
        return "SheetCell[" + kind + (formula ? ", formula" : "") + "]";
    }
}
