package cn.tuanwu.supervision;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A year is a campaign's key, and a database kept between runs remembers every campaign: tests take the
 * first years from 2037 on that no campaign has used yet.
 */
final class CampaignYears {

    private CampaignYears() {
    }

    /** The first year y ≥ 2037 such that y … y + count − 1 have no campaign. */
    static int free(JdbcTemplate jdbc, int count) {
        for (int year = 2037; year + count - 1 <= 2100; year++) {
            Integer used = jdbc.queryForObject("SELECT COUNT(*) FROM campaign WHERE campaign_year BETWEEN ? AND ?",
                    Integer.class, year, year + count - 1);
            if (used == 0) {
                return year;
            }
        }
        throw new IllegalStateException("No free campaign years left in this database");
    }
}
