package cn.tuanwu.report;

import cn.tuanwu.supervision.Figures;
import java.io.OutputStream;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * progress.xlsx: the progress rows under a title with the year and when it was made, then a totals
 * row (合计) whose registration rate is the total registered over the total active.
 */
final class ProgressWorkbook {

    static final String SHEET_NAME = "督查进度";
    static final List<String> HEADERS = List.of("组织代码", "组织名称", "类别", "报送开始", "报送截止", "状态", "结果",
            "督办级别", "团员总数", "窗口内新增", "窗口内更新", "窗口内转出", "新入学", "新入职", "新发展", "已登录", "未登录",
            "登录率", "待审核上传", "超龄未转出");
    private static final List<Integer> WIDTHS =
            List.of(14, 28, 18, 12, 12, 10, 12, 10, 10, 12, 12, 12, 10, 10, 10, 10, 10, 10, 12, 12);
    private static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    static final String TOTALS = "合计";
    private static final int COUNTS = 11;
    private static final int ACTIVE = 0;
    private static final int REGISTERED = 7;
    /** Where 登录率 goes among the counts: after 未登录. */
    private static final int RATE_POSITION = 9;

    private ProgressWorkbook() {
    }

    /** {@code generatedAt} in Asia/Shanghai, as the title shows it. */
    static void write(int year, List<ProgressRow> rows, ZonedDateTime generatedAt, OutputStream out) {
        try (ReportSheet sheet = new ReportSheet(SHEET_NAME)) {
            sheet.title(year + " 年团员信息采集督查进度（生成时间：" + generatedAt.format(GENERATED) + "，北京时间）");
            sheet.header(HEADERS, WIDTHS);
            long[] totals = new long[COUNTS];
            for (ProgressRow row : rows) {
                long[] counts = counts(row.figures());
                figures(sheet.line(false)
                        .text(row.orgCode())
                        .text(row.orgName())
                        .text(row.category().label())
                        .text(row.windowStart().toString())
                        .text(row.windowEnd().toString())
                        .text(SupervisionLabels.state(row.state()))
                        .text(SupervisionLabels.outcome(row.outcome()))
                        .count(row.escalationLevel()), counts, row.figures().registrationRate().doubleValue());
                for (int i = 0; i < COUNTS; i++) {
                    totals[i] += counts[i];
                }
            }
            // The rate of the whole, not the average of the rates.
            double rate = totals[ACTIVE] == 0 ? 0 : (double) totals[REGISTERED] / totals[ACTIVE];
            figures(sheet.line(true).text(TOTALS).skip().skip().skip().skip().skip().skip().skip(), totals, rate);
            sheet.writeTo(out);
        }
    }

    /** The figures' counts in column order, 登录率 left out. */
    private static long[] counts(Figures figures) {
        return new long[] {figures.activeMembers(), figures.uploadedInWindow(), figures.updatedInWindow(),
            figures.transferredOutInWindow(), figures.newStudents(), figures.newEmployees(), figures.newlyDeveloped(),
            figures.registered(), figures.unregistered(), figures.pendingReviews(), figures.overAgeActive()};
    }

    private static void figures(ReportSheet.Line line, long[] counts, double rate) {
        for (int i = 0; i < COUNTS; i++) {
            if (i == RATE_POSITION) {
                line.percent(rate);
            }
            line.count(counts[i]);
        }
    }
}
