package cn.tuanwu.report;

import cn.tuanwu.audit.Audit;
import cn.tuanwu.identity.Caller;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

@RestController
@RequestMapping("/api/campaigns/{year}")
class ProgressController {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final CampaignProgress progress;
    private final Audit audit;
    private final Clock clock;

    ProgressController(CampaignProgress progress, Audit audit, Clock clock) {
        this.progress = progress;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/progress")
    List<ProgressRow> progress(@PathVariable int year, @AuthenticationPrincipal Caller caller) {
        return progress.of(year, caller);
    }

    @GetMapping("/progress.xlsx")
    ResponseEntity<StreamingResponseBody> spreadsheet(@PathVariable int year, @AuthenticationPrincipal Caller caller) {
        List<ProgressRow> rows = progress.of(year, caller);
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(SHANGHAI));
        audit.record(caller.userId(), "EXPORT_PROGRESS", "campaign", String.valueOf(year), null, rows.size() + " organisations");
        String day = now.toLocalDate().toString();
        return Downloads.xlsx(year + "年督查进度-" + day + ".xlsx", "progress-" + year + "-" + day + ".xlsx",
                out -> ProgressWorkbook.write(year, rows, now, out));
    }
}
