package cn.tuanwu.upload.rules;

import cn.tuanwu.upload.sheet.SheetCell;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 入团年月 (E_JOIN_DATE_FORMAT): the month, from a year and month, a full date in the usual Chinese
 * spellings, an Excel date cell, or an Excel date serial that lost its date format.
 */
final class JoinDateRule {

    /** The largest serial Excel shows as a date: 9999-12-31. */
    static final long MAX_SERIAL = 2_958_465;

    // 2017-09, 2017.9, 2017/9/1: the same separator twice.
    private static final Pattern SEPARATED = Pattern.compile("(\\d{4})([-./])(\\d{1,2})(?:\\2(\\d{1,2}))?");
    // CSV exports and date-times pasted from other systems add a time: "2017-09-01 00:00:00".
    private static final Pattern TIME_OF_DAY = Pattern.compile("(?:\\s+|T)\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?$");
    private static final Pattern CHINESE = Pattern.compile("(\\d{4})年(\\d{1,2})(?:月|月(\\d{1,2})[日号])?");
    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})?");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    // Serial 1 is 1900-01-01; Excel counts a 29 February 1900 that never was (serial 60), so from
    // serial 61 on the day is one earlier than counting from 1899-12-31.
    private static final LocalDate SERIAL_ZERO = LocalDate.of(1899, 12, 31);
    private static final long FICTITIOUS_LEAP_DAY = 60;

    private JoinDateRule() {
    }

    /** The month a non-blank, non-error cell names, or empty when it cannot be read as one. */
    static Optional<YearMonth> parse(SheetCell cell) {
        return switch (cell.kind()) {
            case DATE -> Optional.ofNullable(cell.date()).map(YearMonth::from);
            case NUMBER -> fromNumber(cell.text());
            case TEXT -> fromText(Text.fold(cell.text()));
            default -> Optional.empty();
        };
    }

    static Optional<YearMonth> fromText(String folded) {
        String text = WHITESPACE.matcher(TIME_OF_DAY.matcher(folded).replaceFirst("")).replaceAll("");
        Matcher m = SEPARATED.matcher(text);
        if (m.matches()) {
            return month(m.group(1), m.group(3), m.group(4));
        }
        m = CHINESE.matcher(text);
        if (m.matches()) {
            return month(m.group(1), m.group(2), m.group(3));
        }
        m = COMPACT.matcher(text);
        if (m.matches()) {
            return month(m.group(1), m.group(2), m.group(3));
        }
        return Optional.empty();
    }

    /** 201709 and 20170901 typed into a number cell, else a date serial. */
    private static Optional<YearMonth> fromNumber(String plainDecimal) {
        if (COMPACT.matcher(plainDecimal).matches()) {
            return fromText(plainDecimal);
        }
        BigDecimal value;
        try {
            value = new BigDecimal(plainDecimal);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        // A fraction is the time of day: the day is what counts.
        long serial = value.longValue();
        if (value.signum() <= 0 || serial < 1 || serial > MAX_SERIAL || serial == FICTITIOUS_LEAP_DAY) {
            return Optional.empty();
        }
        return Optional.of(YearMonth.from(fromSerial(serial)));
    }

    static LocalDate fromSerial(long serial) {
        return SERIAL_ZERO.plusDays(serial < FICTITIOUS_LEAP_DAY ? serial : serial - 1);
    }

    private static Optional<YearMonth> month(String year, String month, String day) {
        try {
            YearMonth yearMonth = YearMonth.of(Integer.parseInt(year), Integer.parseInt(month));
            if (day != null) {
                yearMonth.atDay(Integer.parseInt(day));
            }
            return Optional.of(yearMonth);
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
