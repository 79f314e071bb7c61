package cn.tuanwu.member;

import cn.tuanwu.shared.Ages;
import cn.tuanwu.shared.Gender;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Pages of members in a subtree, filtered in SQL: no page ever loads more than it shows. */
@Repository
class MemberQueries {

    private static final String COLUMNS = "m.id, m.name, m.id_number, m.gender, m.ethnicity, m.political_status, "
            + "m.education, m.joined_league, m.phone, m.org_code, m.category, m.post, m.entry_type, m.status, "
            + "m.transfer_reason, m.transferred_out_at, m.registered, m.registered_at, m.updated_at, m.birth_date";

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    MemberQueries(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Page<MemberView> search(MemberSearch search) {
        if (search.subtreePaths().isEmpty()) {
            return new Page<>(List.of(), search.page(), search.size(), 0);
        }
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        String where = where(search, parameters);
        String from = " FROM member m JOIN organisation o ON o.code = m.org_code WHERE " + where;
        Long total = jdbc.queryForObject("SELECT COUNT(*)" + from, parameters, Long.class);
        parameters.addValue("limit", search.size());
        parameters.addValue("offset", (long) search.page() * search.size());
        List<MemberView> content = jdbc.query(
                "SELECT " + COLUMNS + from + " ORDER BY m.id LIMIT :limit OFFSET :offset", parameters, MemberQueries::view);
        return new Page<>(content, search.page(), search.size(), total == null ? 0 : total);
    }

    /** Members by id, ordered by id; one query per chunk of ids. */
    List<MemberView> byIds(List<List<Long>> chunks) {
        List<MemberView> views = new ArrayList<>();
        for (List<Long> chunk : chunks) {
            views.addAll(jdbc.query("SELECT " + COLUMNS + " FROM member m WHERE m.id IN (:ids) ORDER BY m.id",
                    new MapSqlParameterSource("ids", chunk), MemberQueries::view));
        }
        return views;
    }

    private String where(MemberSearch search, MapSqlParameterSource parameters) {
        List<String> subtrees = new ArrayList<>();
        for (int i = 0; i < search.subtreePaths().size(); i++) {
            subtrees.add("o.path LIKE :path" + i + " ESCAPE '\\'");
            parameters.addValue("path" + i, escapeLike(search.subtreePaths().get(i)) + "%");
        }
        StringBuilder where = new StringBuilder("(" + String.join(" OR ", subtrees) + ")");
        if (search.status() != null) {
            where.append(" AND m.status = :status");
            parameters.addValue("status", search.status().name());
        }
        if (search.registered() != null) {
            where.append(" AND m.registered = :registered");
            parameters.addValue("registered", search.registered());
        }
        if (search.overAge() != null) {
            LocalDate bornOnOrBefore = Ages.overAgeBornOnOrBefore(LocalDate.now(clock));
            parameters.addValue("overAgeBorn", bornOnOrBefore);
            parameters.addValue("leagueMember", MemberCategory.LEAGUE_MEMBER.name());
            where.append(search.overAge()
                    ? " AND m.category = :leagueMember AND m.birth_date <= :overAgeBorn"
                    : " AND NOT (m.category = :leagueMember AND m.birth_date <= :overAgeBorn)");
        }
        if (search.nameQuery() != null && !search.nameQuery().isBlank()) {
            where.append(" AND m.name LIKE :name ESCAPE '\\'");
            parameters.addValue("name", "%" + escapeLike(search.nameQuery().strip()) + "%");
        }
        return where.toString();
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static MemberView view(ResultSet rs, int row) throws SQLException {
        return new MemberView(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("id_number"),
                Gender.valueOf(rs.getString("gender")),
                rs.getString("ethnicity"),
                PoliticalStatus.valueOf(rs.getString("political_status")),
                Education.valueOf(rs.getString("education")),
                rs.getObject("joined_league", LocalDate.class),
                rs.getString("phone"),
                rs.getString("org_code"),
                MemberCategory.valueOf(rs.getString("category")),
                rs.getString("post"),
                EntryType.valueOf(rs.getString("entry_type")),
                MemberStatus.valueOf(rs.getString("status")),
                rs.getString("transfer_reason") == null ? null : TransferReason.valueOf(rs.getString("transfer_reason")),
                instant(rs, "transferred_out_at"),
                rs.getBoolean("registered"),
                instant(rs, "registered_at"),
                instant(rs, "updated_at"),
                rs.getObject("birth_date", LocalDate.class));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** One page of a result and how many there are in all. */
    record Page<T>(List<T> content, int page, int size, long totalElements) {

        long totalPages() {
            return (totalElements + size - 1) / size;
        }
    }
}
