package cn.tuanwu.shared;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/admin/clock}: camunda-admin only (the security chain), and only where tuanwu.clock.adjustable is on. */
@RestController
@RequestMapping("/api/admin/clock")
class ClockController {

    private final AdjustableClock adjustableClock;
    private final Clock clock;
    private final boolean adjustable;

    ClockController(AdjustableClock adjustableClock, Clock clock,
            @Value("${tuanwu.clock.adjustable:false}") boolean adjustable) {
        this.adjustableClock = adjustableClock;
        this.clock = clock;
        this.adjustable = adjustable;
    }

    @GetMapping
    ClockJson now() {
        return new ClockJson(OffsetDateTime.now(clock), adjustable);
    }

    @PutMapping
    ClockJson move(@RequestBody ClockJson request) {
        requireAdjustable();
        if (request == null || request.now() == null) {
            throw ApiException.badRequest("INVALID_REQUEST", "请提供时间 now，例如 2017-09-01T00:00:00+08:00");
        }
        return new ClockJson(adjustableClock.moveTo(request.now().toInstant()).atZone(clock.getZone()).toOffsetDateTime(), true);
    }

    @DeleteMapping
    ClockJson reset() {
        requireAdjustable();
        return new ClockJson(adjustableClock.reset().atZone(clock.getZone()).toOffsetDateTime(), true);
    }

    private void requireAdjustable() {
        if (!adjustable) {
            throw ApiException.conflict("CLOCK_NOT_ADJUSTABLE", "本环境的时钟不可调整（tuanwu.clock.adjustable=false）");
        }
    }

    record ClockJson(OffsetDateTime now, Boolean adjustable) {
    }
}
