package cn.tuanwu.member;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Batched SQL for uploads: lookups of many ID numbers at once and batched inserts and updates. */
@Repository
class MemberBulk {

    private final NamedParameterJdbcTemplate named;
    private final JdbcTemplate jdbc;
    private final String nextId;

    MemberBulk(NamedParameterJdbcTemplate named, JdbcTemplate jdbc, DataSource dataSource) throws SQLException {
        this.named = named;
        this.jdbc = jdbc;
        try (Connection connection = dataSource.getConnection()) {
            boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
            this.nextId = postgres ? "nextval('member_seq')" : "NEXT VALUE FOR member_seq";
        }
    }

    Map<String, RegisteredMember> findByIdNumbers(Collection<String> idNumbers) {
        Map<String, RegisteredMember> found = new HashMap<>();
        if (idNumbers.isEmpty()) {
            return found;
        }
        named.query("""
                SELECT id, id_number, name, status, org_code, ethnicity, political_status, education, joined_league,
                       phone, category, post, entry_type
                FROM member WHERE id_number IN (:ids)""", new MapSqlParameterSource("ids", idNumbers), rs -> {
            found.put(rs.getString("id_number"), new RegisteredMember(rs.getLong("id"), rs.getString("id_number"),
                    rs.getString("name"), MemberStatus.valueOf(rs.getString("status")), rs.getString("org_code"),
                    rs.getString("ethnicity"), PoliticalStatus.valueOf(rs.getString("political_status")),
                    Education.valueOf(rs.getString("education")), rs.getObject("joined_league", LocalDate.class),
                    rs.getString("phone"), MemberCategory.valueOf(rs.getString("category")), rs.getString("post"),
                    EntryType.valueOf(rs.getString("entry_type"))));
        });
        return found;
    }

    void apply(List<MemberChange> changes, Instant now) {
        List<MemberChange> inserts = new ArrayList<>();
        List<MemberChange> updates = new ArrayList<>();
        List<MemberChange> reactivations = new ArrayList<>();
        for (MemberChange change : changes) {
            (change.memberId() == null ? inserts : change.reactivate() ? reactivations : updates).add(change);
        }
        Timestamp at = Timestamp.from(now);
        if (!inserts.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO member (id, id_number, name, gender, birth_date, ethnicity, political_status, "
                    + "education, joined_league, phone, org_code, category, post, entry_type, status, registered, "
                    + "created_at, updated_at, version) VALUES (" + nextId
                    + ", ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', FALSE, ?, ?, 0)", inserts, inserts.size(),
                    (statement, change) -> {
                        NewMember m = change.details();
                        statement.setString(1, m.idNumber().value());
                        statement.setString(2, m.name());
                        statement.setString(3, m.idNumber().gender().name());
                        statement.setObject(4, m.idNumber().birthDate());
                        setDetails(statement, 5, m);
                        statement.setString(13, m.entryType().name());
                        statement.setTimestamp(14, at);
                        statement.setTimestamp(15, at);
                    });
        }
        if (!updates.isEmpty()) {
            jdbc.batchUpdate("UPDATE member SET ethnicity = ?, political_status = ?, education = ?, joined_league = ?, "
                    + "phone = ?, org_code = ?, category = ?, post = ?, updated_at = ?, version = version + 1 "
                    + "WHERE id = ?", updates, updates.size(), (statement, change) -> {
                        setDetails(statement, 1, change.details());
                        statement.setTimestamp(9, at);
                        statement.setLong(10, change.memberId());
                    });
        }
        if (!reactivations.isEmpty()) {
            jdbc.batchUpdate("UPDATE member SET ethnicity = ?, political_status = ?, education = ?, joined_league = ?, "
                    + "phone = ?, org_code = ?, category = ?, post = ?, entry_type = ?, status = 'ACTIVE', "
                    + "transfer_reason = NULL, transfer_note = NULL, transferred_out_at = NULL, updated_at = ?, "
                    + "version = version + 1 WHERE id = ?", reactivations, reactivations.size(), (statement, change) -> {
                        setDetails(statement, 1, change.details());
                        statement.setString(9, change.details().entryType().name());
                        statement.setTimestamp(10, at);
                        statement.setLong(11, change.memberId());
                    });
        }
    }

    /** Ethnicity … post: the eight details an upload may change, from {@code first}. */
    private static void setDetails(PreparedStatement statement, int first, NewMember m) throws SQLException {
        statement.setString(first, m.ethnicity());
        statement.setString(first + 1, m.politicalStatus().name());
        statement.setString(first + 2, m.education().name());
        statement.setObject(first + 3, m.joinedLeague().atDay(1));
        statement.setString(first + 4, m.phone());
        statement.setString(first + 5, m.orgCode());
        statement.setString(first + 6, m.category().name());
        statement.setString(first + 7, m.post());
    }
}
