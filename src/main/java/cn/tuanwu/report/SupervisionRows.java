package cn.tuanwu.report;

import cn.tuanwu.organisation.Category;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The campaign's supervision rows as the org-supervision processes keep them, with each organisation's name and place. */
@Repository
class SupervisionRows {

    private final JdbcTemplate jdbc;

    SupervisionRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean campaignExists(int year) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM campaign WHERE campaign_year = ?", Integer.class, year);
        return count != null && count > 0;
    }

    /** Every top-level organisation supervised in {@code year}; a few hundred rows. */
    List<Supervised> of(int year) {
        return jdbc.query("""
                SELECT s.org_code, o.name, o.category, o.path, s.window_start, s.window_end, s.state, s.outcome,
                       s.escalation_level
                FROM supervision s JOIN organisation o ON o.code = s.org_code
                WHERE s.campaign_year = ?""", (rs, i) -> new Supervised(rs.getString(1), rs.getString(2),
                Category.valueOf(rs.getString(3)), rs.getString(4), rs.getObject(5, LocalDate.class),
                rs.getObject(6, LocalDate.class), rs.getString(7), rs.getString(8), rs.getInt(9)), year);
    }

    /** One top-level organisation's supervision row. */
    record Supervised(String orgCode, String orgName, Category category, String path, LocalDate windowStart,
            LocalDate windowEnd, String state, String outcome, int escalationLevel) {
    }
}
