package cn.tuanwu.audit;

import cn.tuanwu.shared.ApiException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * The {@code from}/{@code to} of an audit query: ISO dates or date-times, in the application's zone
 * (Asia/Shanghai) unless they carry an offset. {@code from} is inclusive, {@code to} exclusive; a date
 * as {@code to} includes that whole day. Either may be open (null).
 */
record AuditPeriod(Instant from, Instant to) {

    private static final String FORMATS = "应为 ISO 日期（如 2025-09-01）或日期时间（如 2025-09-01T08:30 或 2025-09-01T08:30:00+08:00）";

    static AuditPeriod parse(String from, String to, ZoneId zone) {
        Instant start = instant("from", from, zone, false);
        Instant end = instant("to", to, zone, true);
        if (start != null && end != null && start.isAfter(end)) {
            throw ApiException.badRequest("E_PERIOD_INVALID", "开始时间（from）不能晚于结束时间（to）");
        }
        return new AuditPeriod(start, end);
    }

    private static Instant instant(String name, String value, ZoneId zone, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        // An unencoded '+' of an offset reaches us as a space.
        String text = value.strip().replace(' ', '+');
        try {
            if (text.length() == 10) {
                LocalDate date = LocalDate.parse(text);
                return (endOfDay ? date.plusDays(1) : date).atStartOfDay(zone).toInstant();
            }
            if (text.endsWith("Z") || text.lastIndexOf('+') > 0 || text.lastIndexOf('-') > 10) {
                return OffsetDateTime.parse(text).toInstant();
            }
            return LocalDateTime.parse(text).atZone(zone).toInstant();
        } catch (DateTimeException e) {
            throw ApiException.badRequest("E_DATE_INVALID", name + "（" + (endOfDay ? "结束时间" : "开始时间") + "）" + FORMATS);
        }
    }
}
