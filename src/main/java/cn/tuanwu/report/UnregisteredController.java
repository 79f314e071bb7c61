package cn.tuanwu.report;

import cn.tuanwu.identity.Caller;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

@RestController
class UnregisteredController {

    private final UnregisteredExport export;
    private final Clock clock;

    UnregisteredController(UnregisteredExport export, Clock clock) {
        this.export = export;
        this.clock = clock;
    }

    /** Checked before the response starts, so a refusal is a problem detail and not a broken download. */
    @GetMapping("/api/orgs/{code}/unregistered.xlsx")
    ResponseEntity<StreamingResponseBody> unregistered(@PathVariable String code, @AuthenticationPrincipal Caller caller) {
        UnregisteredExport.Request request = export.check(code, caller);
        String day = LocalDate.now(clock).toString();
        String orgCode = request.organisation().code();
        return Downloads.xlsx("未登录详情-" + orgCode + "-" + day + ".xlsx", "unregistered-" + orgCode + "-" + day + ".xlsx",
                out -> export.write(request, out));
    }
}
