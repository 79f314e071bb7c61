package cn.tuanwu.report;

import cn.tuanwu.shared.Dialect;
import cn.tuanwu.support.IdNumbers;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rows the reports read, written straight into the tables: members of every kind, uploads, and the
 * campaign and supervision rows that the campaign processes keep in production.
 */
final class ReportData {

    private final JdbcTemplate jdbc;
    private final Dialect dialect;

    ReportData(JdbcTemplate jdbc, Dialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    /** A member; returns the full ID number. */
    String member(String org, String name, String phone, boolean active, boolean registered, String entryType,
            Instant createdAt) {
        LocalDate birth = LocalDate.of(2005, 3, 14);
        String idNumber = IdNumbers.next(birth);
        Long id = jdbc.queryForObject("SELECT " + dialect.nextValue("member_seq"), Long.class);
        jdbc.update("""
                INSERT INTO member (id, id_number, name, gender, birth_date, ethnicity, political_status, education,
                                    joined_league, phone, org_code, category, post, entry_type, status, transfer_reason,
                                    transferred_out_at, registered, registered_at, created_at, updated_at)
                VALUES (?, ?, ?, 'MALE', ?, '汉族', 'LEAGUE_MEMBER', 'BACHELOR', ?, ?, ?, 'LEAGUE_MEMBER', NULL, ?, ?, ?, ?, ?, ?, ?, ?)""",
                id, idNumber, name, birth, birth.plusYears(15), phone, org, entryType, active ? "ACTIVE" : "TRANSFERRED_OUT",
                active ? null : "LEFT_ORG", active ? null : Timestamp.from(createdAt), registered,
                registered ? Timestamp.from(createdAt) : null, Timestamp.from(createdAt), Timestamp.from(createdAt));
        return idNumber;
    }

    /** An upload of {@code status} with one staged row of each outcome given, for {@code org}. */
    void upload(String org, String status, Instant uploadedAt, List<String> outcomes) {
        String id = UUID.randomUUID().toString();
        jdbc.update("""
                INSERT INTO upload (id, org_code, file_name, file_size, sha256, status, uploaded_by, uploaded_at)
                VALUES (?, ?, 'report.xlsx', 1, 'x', ?, 'report-test', ?)""", id, org, status, Timestamp.from(uploadedAt));
        for (int i = 0; i < outcomes.size(); i++) {
            jdbc.update("INSERT INTO upload_row (upload_id, row_number, outcome, org_code) VALUES (?, ?, ?, ?)",
                    id, i + 1, outcomes.get(i), org);
        }
    }

    /** A year no campaign has used yet, inserted as a campaign (tests share one database; far-off years, clear of others' tests). */
    int newCampaign() {
        while (true) {
            int year = 2070 + ThreadLocalRandom.current().nextInt(30);
            if (unused(year)) {
                jdbc.update("INSERT INTO campaign (campaign_year, process_instance_id, started_by, started_at) "
                        + "VALUES (?, NULL, 'report-test', ?)", year, Timestamp.from(Instant.now()));
                return year;
            }
        }
    }

    /** A year without a campaign. */
    int yearWithoutCampaign() {
        while (true) {
            int year = 2000 + ThreadLocalRandom.current().nextInt(10);
            if (unused(year)) {
                return year;
            }
        }
    }

    private boolean unused(int year) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM campaign WHERE campaign_year = ?", Integer.class, year);
        return count != null && count == 0;
    }

    void supervision(int year, String org, LocalDate windowStart, LocalDate windowEnd, String state, String outcome,
            int escalationLevel) {
        jdbc.update("""
                INSERT INTO supervision (campaign_year, org_code, window_start, window_end, state, outcome,
                                         escalation_level, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", year, org, Date.valueOf(windowStart), Date.valueOf(windowEnd), state,
                outcome, escalationLevel, Timestamp.from(Instant.now()));
    }
}
