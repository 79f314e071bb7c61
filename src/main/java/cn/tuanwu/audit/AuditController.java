package cn.tuanwu.audit;

import cn.tuanwu.identity.Caller;
import cn.tuanwu.shared.ApiException;
import java.time.Clock;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/audit")
class AuditController {

    private final AuditQueries queries;
    private final Clock clock;

    AuditController(AuditQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    /** Who uploaded, decided, transferred and exported what, when: for city supervisors only. */
    @GetMapping
    AuditJson.Page list(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String user, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size, @AuthenticationPrincipal Caller caller) {
        if (!caller.isCitySupervisor()) {
            throw ApiException.forbidden("只有团市委督查可以查看审计记录");
        }
        if (page < 0 || size < 1 || size > AuditQueries.MAX_SIZE) {
            throw ApiException.badRequest("INVALID_REQUEST", "page 不能为负数，size 应在 1 到 " + AuditQueries.MAX_SIZE + " 之间");
        }
        AuditPeriod period = AuditPeriod.parse(from, to, clock.getZone());
        String userId = user == null || user.isBlank() ? null : user.strip();
        return queries.page(period, userId, page, size);
    }
}
