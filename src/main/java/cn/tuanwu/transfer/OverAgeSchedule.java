package cn.tuanwu.transfer;

import java.time.Instant;
import java.time.ZoneId;
import org.springframework.stereotype.Component;

/**
 * When the over-age sweep runs: 02:00 Asia/Shanghai on the 1st of each month. Camunda evaluates cron
 * in the JVM's default zone (UTC on our servers, Asia/Shanghai on a developer's laptop), so the cron is
 * written for that zone here rather than hard-coded as {@code 0 0 18 L * ?}, which would be right in UTC
 * only. Shanghai has no daylight saving; a JVM zone with daylight saving would drift by that hour.
 * Public only because the engine's expression language calls {@link #cron()} by reflection.
 */
@Component("overAgeSchedule")
public class OverAgeSchedule {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** The cron (Quartz syntax, seconds first) for the JVM's default zone. */
    public String cron() {
        return cronFor(ZoneId.systemDefault());
    }

    static String cronFor(ZoneId jvmZone) {
        Instant now = Instant.now();
        int shanghai = SHANGHAI.getRules().getOffset(now).getTotalSeconds() / 60;
        int jvm = jvmZone.getRules().getOffset(now).getTotalSeconds() / 60;
        int local = 2 * 60 + jvm - shanghai;
        if (local >= 0) {
            return "0 " + local % 60 + " " + local / 60 + " 1 * ?";
        }
        // Before midnight in the JVM's zone: the last day of the month before.
        int minutes = local + 24 * 60;
        return "0 " + minutes % 60 + " " + minutes / 60 + " L * ?";
    }
}
