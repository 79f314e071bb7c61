package cn.tuanwu.supervision;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code supervision} rows, kept current by {@code org-supervision}: each step writes its state in
 * the transaction that takes the step, so the progress report reads the process's position from here.
 * Every write is idempotent, so a retried job writes the same row again.
 */
@Repository
@Transactional
class Supervisions {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    Supervisions(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The row in state NOT_OPEN with its window, or the window corrected when the row exists. */
    void open(int year, String orgCode, SubmissionWindow window, String processInstanceId) {
        int updated = jdbc.update("UPDATE supervision SET window_start = ?, window_end = ?, process_instance_id = ?, "
                        + "updated_at = ? WHERE campaign_year = ? AND org_code = ?",
                Date.valueOf(window.firstDay()), Date.valueOf(window.lastDay()), processInstanceId, now(), year, orgCode);
        if (updated == 0) {
            jdbc.update("INSERT INTO supervision (campaign_year, org_code, window_start, window_end, state, "
                            + "escalation_level, process_instance_id, updated_at) VALUES (?, ?, ?, ?, 'NOT_OPEN', 0, ?, ?)",
                    year, orgCode, Date.valueOf(window.firstDay()), Date.valueOf(window.lastDay()), processInstanceId, now());
        }
    }

    void windowOpened(int year, String orgCode) {
        update("UPDATE supervision SET state = 'OPEN', updated_at = ? WHERE campaign_year = ? AND org_code = ?",
                now(), year, orgCode);
    }

    /** The figures as counted at the close (JSON) and the codes of the sub-organisations lagging then, whatever the verdict. */
    void assessed(int year, String orgCode, String figuresJson, List<String> lagging) {
        update("UPDATE supervision SET assessed_figures = ?, lagging_at_close = ?, assessed_at = ?, updated_at = ? "
                        + "WHERE campaign_year = ? AND org_code = ?",
                figuresJson, String.join(",", lagging), now(), now(), year, orgCode);
    }

    /** The codes {@link #assessed} recorded; none before the close. */
    List<String> laggingAtClose(int year, String orgCode) {
        String codes = jdbc.queryForObject("SELECT lagging_at_close FROM supervision WHERE campaign_year = ? AND org_code = ?",
                String.class, year, orgCode);
        return codes == null || codes.isEmpty() ? List.of() : List.of(codes.split(","));
    }

    /** State ESCALATED at {@code level}, with the verdict that led there. */
    void escalated(int year, String orgCode, int level, Assessment.Verdict verdict, String reasons) {
        update("UPDATE supervision SET state = 'ESCALATED', escalation_level = ?, assessment = ?, reasons = ?, "
                        + "updated_at = ? WHERE campaign_year = ? AND org_code = ?",
                level, verdict.name(), reasons, now(), year, orgCode);
    }

    void done(int year, String orgCode, Outcome outcome, Assessment.Verdict verdict, String reasons) {
        update("UPDATE supervision SET state = 'DONE', outcome = ?, assessment = ?, reasons = ?, updated_at = ? "
                        + "WHERE campaign_year = ? AND org_code = ?",
                outcome.name(), verdict.name(), reasons, now(), year, orgCode);
    }

    /** Every row of the year, by organisation code: what the final report is made of. */
    @Transactional(readOnly = true)
    List<Map<String, Object>> ofYear(int year) {
        return jdbc.queryForList("SELECT org_code, window_start, window_end, state, outcome, escalation_level, "
                + "assessment, reasons, assessed_figures, assessed_at FROM supervision WHERE campaign_year = ? "
                + "ORDER BY org_code", year);
    }

    private void update(String sql, Object... arguments) {
        if (jdbc.update(sql, arguments) != 1) {
            throw new IllegalStateException("No supervision row for " + arguments[arguments.length - 2] + "/"
                    + arguments[arguments.length - 1]);
        }
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
