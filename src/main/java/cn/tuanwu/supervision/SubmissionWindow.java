package cn.tuanwu.supervision;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** An organisation's window in one year: from 00:00 of its first day to 00:00 of the day after its last. */
public record SubmissionWindow(LocalDate firstDay, LocalDate lastDay) {

    public boolean contains(LocalDate day) {
        return !day.isBefore(firstDay) && !day.isAfter(lastDay);
    }

    public ZonedDateTime opensAt(ZoneId zone) {
        return firstDay.atStartOfDay(zone);
    }

    public ZonedDateTime closesAt(ZoneId zone) {
        return lastDay.plusDays(1).atStartOfDay(zone);
    }
}
