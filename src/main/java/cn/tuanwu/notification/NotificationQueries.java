package cn.tuanwu.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Pages of the outbox, newest first, filtered in SQL by subtree and process. */
@Repository
class NotificationQueries {

    static final int MAX_SIZE = 200;

    private final NamedParameterJdbcTemplate jdbc;

    NotificationQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param subtreePaths organisation paths whose subtrees to show; null for every notification
     *                     (city supervisors), including those of no organisation
     */
    NotificationJson.Page page(List<String> subtreePaths, String processInstanceId, int page, int size) {
        if (subtreePaths != null && subtreePaths.isEmpty()) {
            return new NotificationJson.Page(List.of(), page, size, 0, 0);
        }
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        List<String> conditions = new ArrayList<>();
        if (subtreePaths != null) {
            List<String> subtrees = new ArrayList<>();
            for (int i = 0; i < subtreePaths.size(); i++) {
                subtrees.add("o.path LIKE :path" + i + " ESCAPE '\\'");
                parameters.addValue("path" + i, escapeLike(subtreePaths.get(i)) + "%");
            }
            conditions.add("(" + String.join(" OR ", subtrees) + ")");
        }
        if (processInstanceId != null) {
            conditions.add("n.process_instance_id = :processInstanceId");
            parameters.addValue("processInstanceId", processInstanceId);
        }
        String from = " FROM notification n LEFT JOIN organisation o ON o.code = n.org_code"
                + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions));
        Long total = jdbc.queryForObject("SELECT COUNT(*)" + from, parameters, Long.class);
        parameters.addValue("limit", size);
        parameters.addValue("offset", (long) page * size);
        List<NotificationJson> content = jdbc.query("""
                SELECT n.id, n.recipient, n.channel, n.subject, n.body, n.escalation_level, n.process_instance_id,
                       n.status, n.created_at, n.sent_at""" + from
                + " ORDER BY n.created_at DESC, n.id DESC LIMIT :limit OFFSET :offset", parameters, NotificationQueries::json);
        long totalElements = total == null ? 0 : total;
        return new NotificationJson.Page(content, page, size, totalElements, (totalElements + size - 1) / size);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static NotificationJson json(ResultSet rs, int row) throws SQLException {
        return new NotificationJson(rs.getLong("id"), rs.getString("recipient"), rs.getString("channel"),
                rs.getString("subject"), rs.getString("body"), rs.getObject("escalation_level", Integer.class),
                rs.getString("process_instance_id"), rs.getString("status"), instant(rs, "created_at"),
                instant(rs, "sent_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
