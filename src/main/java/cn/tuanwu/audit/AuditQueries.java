package cn.tuanwu.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Pages of the audit trail, newest first. */
@Repository
class AuditQueries {

    static final int MAX_SIZE = 200;

    private final NamedParameterJdbcTemplate jdbc;

    AuditQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    AuditJson.Page page(AuditPeriod period, String userId, int page, int size) {
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        List<String> conditions = new ArrayList<>();
        if (period.from() != null) {
            conditions.add("at >= :from");
            parameters.addValue("from", Timestamp.from(period.from()));
        }
        if (period.to() != null) {
            conditions.add("at < :to");
            parameters.addValue("to", Timestamp.from(period.to()));
        }
        if (userId != null) {
            conditions.add("user_id = :user");
            parameters.addValue("user", userId);
        }
        String from = " FROM audit_entry" + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions));
        Long total = jdbc.queryForObject("SELECT COUNT(*)" + from, parameters, Long.class);
        parameters.addValue("limit", size);
        parameters.addValue("offset", (long) page * size);
        List<AuditJson> content = jdbc.query(
                "SELECT id, at, user_id, action, subject_type, subject_id, org_code, detail" + from
                        + " ORDER BY at DESC, id DESC LIMIT :limit OFFSET :offset", parameters, AuditQueries::json);
        long totalElements = total == null ? 0 : total;
        return new AuditJson.Page(content, page, size, totalElements, (totalElements + size - 1) / size);
    }

    private static AuditJson json(ResultSet rs, int row) throws SQLException {
        return new AuditJson(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getString("user_id"),
                rs.getString("action"), rs.getString("subject_type"), rs.getString("subject_id"), rs.getString("org_code"),
                rs.getString("detail"));
    }
}
