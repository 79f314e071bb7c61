package cn.tuanwu.supervision;

import cn.tuanwu.organisation.Category;
import cn.tuanwu.shared.Dialect;
import cn.tuanwu.support.IdNumbers;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A campaign-sized register for the benchmark, written with plain batched JDBC (the benchmark
 * measures the campaign, not the set-up): top-level organisations of every category, each with
 * committees and branches below it, and members spread over the branches. Only the top-level
 * organisations get their engine groups' names used as candidate groups; groups need not exist.
 */
final class BenchRegister {

    private static final Category[] CATEGORIES = Category.values();
    private static final String[] ENTRY_TYPES = {"NEW_STUDENT", "NEW_EMPLOYEE", "NEWLY_DEVELOPED", "TRANSFERRED_IN", "SUPPLEMENT"};

    private final JdbcTemplate jdbc;
    private final Dialect dialect;
    private final Random random = new Random(2031);

    BenchRegister(JdbcTemplate jdbc, Dialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    /** Codes of the top-level organisations created, and of the branches (where members are). */
    record Tree(List<String> topCodes, List<String> branchCodes) {
    }

    /**
     * {@code tops} top-level organisations below the city committee at {@code cityPath}, each with
     * {@code committees} committees of {@code branchesPerCommittee} branches.
     */
    Tree organisations(String prefix, String cityCode, String cityPath, int tops, int committees, int branchesPerCommittee) {
        List<Object[]> rows = new ArrayList<>();
        List<String> topCodes = new ArrayList<>();
        List<String> branches = new ArrayList<>();
        Timestamp now = Timestamp.from(Instant.now());
        for (int t = 0; t < tops; t++) {
            String top = prefix + String.format("%03d", t);
            String topPath = cityPath + top + "/";
            Category category = CATEGORIES[t % CATEGORIES.length];
            // Every third organisation has a contact address, as in life some have none.
            rows.add(new Object[] {top, "压测市属团组织" + t, cityCode, category.name(), 1, topPath,
                    t % 3 == 0 ? null : top.toLowerCase() + "@example.org", now});
            topCodes.add(top);
            for (int c = 0; c < committees; c++) {
                String committee = top + "C" + c;
                String committeePath = topPath + committee + "/";
                rows.add(new Object[] {committee, "压测团委" + t + "-" + c, top, null, 2, committeePath, null, now});
                for (int b = 0; b < branchesPerCommittee; b++) {
                    String branch = committee + "B" + b;
                    rows.add(new Object[] {branch, "压测团支部" + t + "-" + c + "-" + b, committee, null, 3,
                            committeePath + branch + "/", null, now});
                    branches.add(branch);
                }
            }
        }
        jdbc.batchUpdate("INSERT INTO organisation (code, name, parent_code, category, level, path, contact_email, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows);
        return new Tree(topCodes, branches);
    }

    /**
     * {@code count} members spread evenly over the branches: about 85 % active, two thirds of those
     * registered, a tenth over age, every entry type, some entered in {@code year}.
     */
    void members(List<String> branches, int count, int year) {
        LocalDate today = LocalDate.now();
        Timestamp inYear = Timestamp.from(LocalDate.of(year, 3, 1).atStartOfDay(CampaignFigures.SHANGHAI).toInstant());
        Timestamp before = Timestamp.from(LocalDate.of(year - 1, 3, 1).atStartOfDay(CampaignFigures.SHANGHAI).toInstant());
        String sql = "INSERT INTO member (id, id_number, name, gender, birth_date, ethnicity, political_status, education, "
                + "joined_league, phone, org_code, category, post, entry_type, status, transfer_reason, transferred_out_at, "
                + "registered, registered_at, created_at, updated_at) VALUES (" + dialect.nextValue("member_seq")
                + ", ?, '压测', 'FEMALE', ?, '汉族', 'LEAGUE_MEMBER', 'BACHELOR', ?, '13900000000', ?, 'LEAGUE_MEMBER', NULL, ?, "
                + "?, ?, ?, ?, ?, ?, ?)";
        int batch = 5_000;
        for (int from = 0; from < count; from += batch) {
            int size = Math.min(batch, count - from);
            int offset = from;
            jdbc.batchUpdate(sql, new BatchPreparedStatementSetter() {
                @Override
                public void setValues(PreparedStatement ps, int i) throws SQLException {
                    int n = offset + i;
                    boolean overAge = n % 10 == 0;
                    LocalDate born = today.minusYears(overAge ? 29 : 16 + random.nextInt(11)).minusDays(random.nextInt(360));
                    boolean active = n % 7 != 0;
                    boolean registered = active && n % 3 != 0;
                    Timestamp created = n % 4 == 0 ? inYear : before;
                    ps.setString(1, IdNumbers.next(born));
                    ps.setObject(2, born);
                    ps.setObject(3, born.plusYears(14).withDayOfMonth(1));
                    ps.setString(4, branches.get(n % branches.size()));
                    ps.setString(5, ENTRY_TYPES[n % ENTRY_TYPES.length]);
                    ps.setString(6, active ? "ACTIVE" : "TRANSFERRED_OUT");
                    ps.setString(7, active ? null : "LEFT_ORG");
                    ps.setTimestamp(8, active ? null : before);
                    ps.setBoolean(9, registered);
                    ps.setTimestamp(10, registered ? created : null);
                    ps.setTimestamp(11, created);
                    ps.setTimestamp(12, created);
                }

                @Override
                public int getBatchSize() {
                    return size;
                }
            });
        }
        dialect.analyze("member");
    }
}
