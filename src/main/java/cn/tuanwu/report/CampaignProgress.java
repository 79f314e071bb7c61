package cn.tuanwu.report;

import cn.tuanwu.identity.Caller;
import cn.tuanwu.organisation.Organisations;
import cn.tuanwu.organisation.Scope;
import cn.tuanwu.report.SupervisionRows.Supervised;
import cn.tuanwu.shared.ApiException;
import cn.tuanwu.supervision.CampaignFigures;
import cn.tuanwu.supervision.Figures;
import cn.tuanwu.supervision.SubmissionWindow;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The progress of a year's campaign as the caller may see it: city supervisors every top-level
 * organisation, admins and reviewers those within their scope (none for the admin of a lower
 * organisation), everybody else nothing.
 */
@Service
class CampaignProgress {

    static final Comparator<ProgressRow> ORDER =
            Comparator.comparing(ProgressRow::category).thenComparing(ProgressRow::orgCode);

    private final SupervisionRows supervisions;
    private final CampaignFigures figures;
    private final Organisations organisations;

    CampaignProgress(SupervisionRows supervisions, CampaignFigures figures, Organisations organisations) {
        this.supervisions = supervisions;
        this.figures = figures;
        this.organisations = organisations;
    }

    /** 403 FORBIDDEN for a caller without a scope, 404 CAMPAIGN_NOT_FOUND for a year without a campaign. */
    List<ProgressRow> of(int year, Caller caller) {
        Scope scope = organisations.scopeOf(caller);
        if (scope.isEmpty()) {
            throw ApiException.forbidden("只有团市委督查人员和团组织的管理员、审核人可以查看督查进度");
        }
        if (!supervisions.campaignExists(year)) {
            throw ApiException.notFound("CAMPAIGN_NOT_FOUND", year + " 年的团员信息采集工作尚未启动");
        }
        List<Supervised> visible = supervisions.of(year).stream()
                .filter(row -> scope.rootPaths().stream().anyMatch(row.path()::startsWith))
                .toList();
        if (visible.isEmpty()) {
            return List.of();
        }
        Map<String, SubmissionWindow> windows = new HashMap<>();
        visible.forEach(row -> windows.put(row.orgCode(), new SubmissionWindow(row.windowStart(), row.windowEnd())));
        String cityPath = organisations.cityCommittee().orElseThrow().path();
        // One grouped pass over the register for every row, each counted against its own window.
        Map<String, Figures> counted = figures.ofTopLevel(cityPath, year, windows);
        return visible.stream()
                .map(row -> new ProgressRow(row.orgCode(), row.orgName(), row.category(), row.windowStart(),
                        row.windowEnd(), row.state(), row.outcome(), row.escalationLevel(),
                        counted.getOrDefault(row.orgCode(), Figures.NONE)))
                .sorted(ORDER)
                .toList();
    }
}
