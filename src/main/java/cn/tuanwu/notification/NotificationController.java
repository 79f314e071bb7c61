package cn.tuanwu.notification;

import cn.tuanwu.identity.Caller;
import cn.tuanwu.organisation.Organisations;
import cn.tuanwu.shared.ApiException;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/notifications")
class NotificationController {

    private final NotificationQueries queries;
    private final Organisations organisations;

    NotificationController(NotificationQueries queries, Organisations organisations) {
        this.queries = queries;
        this.organisations = organisations;
    }

    /**
     * The outbox of {@code orgCode}'s subtree, or of the caller's whole scope without it; city
     * supervisors without it see every notification, also those of no organisation.
     */
    @GetMapping
    NotificationJson.Page list(@RequestParam(required = false) String orgCode,
            @RequestParam(required = false) String processInstanceId, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size, @AuthenticationPrincipal Caller caller) {
        if (page < 0 || size < 1 || size > NotificationQueries.MAX_SIZE) {
            throw ApiException.badRequest("INVALID_REQUEST",
                    "page 不能为负数，size 应在 1 到 " + NotificationQueries.MAX_SIZE + " 之间");
        }
        List<String> subtrees;
        if (orgCode != null && !orgCode.isBlank()) {
            subtrees = List.of(organisations.requireInScope(orgCode.strip(), caller).path());
        } else {
            subtrees = caller.isCitySupervisor() ? null : organisations.scopeOf(caller).rootPaths();
        }
        String process = processInstanceId == null || processInstanceId.isBlank() ? null : processInstanceId.strip();
        return queries.page(subtrees, process, page, size);
    }
}
