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
 *
 * <p>The whole year's report (every supervision row and its figures, one grouped pass over the
 * register) is computed once for all callers asking at the same time, each of whom then sees the
 * rows of their scope: a {@link Coalescer} never hands a caller a report that started before it asked,
 * so the figures stay live. Without it, every supervisor's refresh ran the same scans, and two hundred
 * at once queued for database connections past the pool's timeout (LoadIT: HTTP 500s, uploads starved).
 */
@Service
class CampaignProgress {

    static final Comparator<ProgressRow> ORDER =
            Comparator.comparing(ProgressRow::category).thenComparing(ProgressRow::orgCode);

    private final SupervisionRows supervisions;
    private final CampaignFigures figures;
    private final Organisations organisations;
    private final Coalescer<Integer, YearReport> reports = new Coalescer<>();

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
        YearReport report = reports.get(year, () -> compute(year));
        if (!report.campaignExists()) {
            throw ApiException.notFound("CAMPAIGN_NOT_FOUND", year + " 年的团员信息采集工作尚未启动");
        }
        return report.rows().stream()
                .filter(row -> scope.rootPaths().stream().anyMatch(row.path()::startsWith))
                .map(PlacedRow::row)
                .sorted(ORDER)
                .toList();
    }

    private YearReport compute(int year) {
        if (!supervisions.campaignExists(year)) {
            return new YearReport(false, List.of());
        }
        List<Supervised> all = supervisions.of(year);
        if (all.isEmpty()) {
            return new YearReport(true, List.of());
        }
        Map<String, SubmissionWindow> windows = new HashMap<>();
        all.forEach(row -> windows.put(row.orgCode(), new SubmissionWindow(row.windowStart(), row.windowEnd())));
        String cityPath = organisations.cityCommittee().orElseThrow().path();
        // One grouped pass over the register for every row, each counted against its own window.
        Map<String, Figures> counted = figures.ofTopLevel(cityPath, year, windows);
        return new YearReport(true, all.stream()
                .map(row -> new PlacedRow(row.path(), new ProgressRow(row.orgCode(), row.orgName(), row.category(),
                        row.windowStart(), row.windowEnd(), row.state(), row.outcome(), row.escalationLevel(),
                        counted.getOrDefault(row.orgCode(), Figures.NONE))))
                .toList());
    }

    /** Every supervised organisation's row of a year, or no campaign that year. */
    private record YearReport(boolean campaignExists, List<PlacedRow> rows) {
    }

    /** A row with its organisation's place in the tree, to show each caller their scope's rows. */
    private record PlacedRow(String path, ProgressRow row) {
    }
}
