package cn.tuanwu.member;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import cn.tuanwu.shared.Dialect;
import cn.tuanwu.shared.IdNumber;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Batched SQL for uploads: lookups of many ID numbers at once and batched inserts and updates. */
@Repository
class MemberBulk {

    private static final String INSERT_COLUMNS = "id, id_number, name, gender, birth_date, ethnicity, "
            + "political_status, education, joined_league, phone, org_code, category, post, entry_type, status, "
            + "registered, created_at, updated_at, version";
    private static final String COLUMNS = "m.id, m.id_number, m.name, m.status, m.org_code, m.ethnicity, "
            + "m.political_status, m.education, m.joined_league, m.phone, m.category, m.post, m.entry_type";

    /** Ids per IN list: well below every driver's parameter limit. */
    static final int CHUNK = 1_000;

    private final NamedParameterJdbcTemplate named;
    private final JdbcTemplate jdbc;
    private final Dialect dialect;
    private final String nextId;
    private final MemberQueries queries;

    MemberBulk(NamedParameterJdbcTemplate named, JdbcTemplate jdbc, Dialect dialect, MemberQueries queries) {
        this.queries = queries;
        this.named = named;
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.nextId = dialect.nextValue("member_seq");
    }

    Map<String, RegisteredMember> findByIdNumbers(Collection<String> idNumbers) {
        Map<String, RegisteredMember> found = new HashMap<>();
        if (idNumbers.isEmpty()) {
            return found;
        }
        RowCallbackHandler collect = rs -> {
            found.put(rs.getString("id_number"), new RegisteredMember(rs.getLong("id"), rs.getString("id_number"),
                    rs.getString("name"), MemberStatus.valueOf(rs.getString("status")), rs.getString("org_code"),
                    rs.getString("ethnicity"), PoliticalStatus.valueOf(rs.getString("political_status")),
                    Education.valueOf(rs.getString("education")), rs.getObject("joined_league", LocalDate.class),
                    rs.getString("phone"), MemberCategory.valueOf(rs.getString("category")), rs.getString("post"),
                    EntryType.valueOf(rs.getString("entry_type"))));
        };
        if (dialect.isPostgres()) {
            // A join on the array, not IN (2,000 parameters): one unique-index probe per number whatever the
            // statistics say, where a generic plan of a long IN list could compare every row with every value.
            jdbc.query(connection -> {
                PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS
                        + " FROM member m JOIN unnest(?) AS wanted(id_number) ON m.id_number = wanted.id_number");
                statement.setArray(1, connection.createArrayOf("varchar", idNumbers.toArray()));
                return statement;
            }, collect);
        } else {
            named.query("SELECT " + COLUMNS + " FROM member m WHERE m.id_number IN (:ids)",
                    new MapSqlParameterSource("ids", idNumbers), collect);
        }
        return found;
    }

    /**
     * Applies the changes in batched statements; returns the ID numbers of new members that were not
     * added because the register already has them (someone added them after the upload was checked).
     * PostgreSQL uploads take {@link #applyStaged} instead.
     */
    Set<String> apply(List<MemberChange> changes, Instant now) {
        List<MemberChange> inserts = new ArrayList<>();
        List<MemberChange> updates = new ArrayList<>();
        List<MemberChange> reactivations = new ArrayList<>();
        for (MemberChange change : changes) {
            (change.memberId() == null ? inserts : change.reactivate() ? reactivations : updates).add(change);
        }
        Timestamp at = Timestamp.from(now);
        Set<String> taken = new HashSet<>();
        if (!inserts.isEmpty()) {
            taken.addAll(findByIdNumbers(inserts.stream().map(change -> change.details().idNumber().value())
                    .toList()).keySet());
            if (!taken.isEmpty()) {
                inserts.removeIf(change -> taken.contains(change.details().idNumber().value()));
            }
            batchInsert(inserts, at);
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
        return taken;
    }

    /**
     * PostgreSQL: applies the staged changes of one window of an upload's rows ({@code upload_row},
     * row numbers after {@code afterRow} up to {@code throughRow}) straight from the staging table,
     * in three statements and without the rows passing through the application: new members in row
     * order ({@code ON CONFLICT (id_number) DO NOTHING}: the unique index refuses anyone the register
     * has gained since staging), then updates, then reactivations, with exactly the values
     * {@link #apply} writes. The staged values were checked against the data standard when staged.
     *
     * @return the row numbers of new members that were not added because the register already has them
     */
    List<Integer> applyStaged(String uploadId, int afterRow, int throughRow, boolean updates, boolean reactivations,
            Instant now) {
        Timestamp at = Timestamp.from(now);
        List<Integer> taken = jdbc.queryForList("""
                WITH staged AS (
                    SELECT row_number, id_number, name, gender, birth_date, ethnicity, political_status, education,
                        joined_league, phone, org_code, category, post, entry_type
                    FROM upload_row WHERE upload_id = ? AND row_number > ? AND row_number <= ? AND outcome = 'NEW'),
                added AS (
                    INSERT INTO member (""" + INSERT_COLUMNS + """
                    )
                    SELECT nextval('member_seq'), id_number, name, gender, birth_date, ethnicity, political_status,
                        education, joined_league, phone, org_code, category, post, entry_type, 'ACTIVE', FALSE, ?, ?, 0
                    FROM staged ORDER BY row_number
                    ON CONFLICT (id_number) DO NOTHING RETURNING id_number)
                SELECT s.row_number FROM staged s
                WHERE NOT EXISTS (SELECT 1 FROM added a WHERE a.id_number = s.id_number) ORDER BY s.row_number""",
                Integer.class, uploadId, afterRow, throughRow, at, at);
        if (updates) {
            jdbc.update("""
                    UPDATE member m SET ethnicity = u.ethnicity, political_status = u.political_status,
                        education = u.education, joined_league = u.joined_league, phone = u.phone, org_code = u.org_code,
                        category = u.category, post = u.post, updated_at = ?, version = m.version + 1
                    FROM upload_row u
                    WHERE u.upload_id = ? AND u.row_number > ? AND u.row_number <= ? AND u.outcome = 'UPDATED'
                        AND m.id = u.member_id""", at, uploadId, afterRow, throughRow);
        }
        if (reactivations) {
            jdbc.update("""
                    UPDATE member m SET ethnicity = u.ethnicity, political_status = u.political_status,
                        education = u.education, joined_league = u.joined_league, phone = u.phone, org_code = u.org_code,
                        category = u.category, post = u.post, entry_type = u.entry_type, status = 'ACTIVE',
                        transfer_reason = NULL, transfer_note = NULL, transferred_out_at = NULL, updated_at = ?,
                        version = m.version + 1
                    FROM upload_row u
                    WHERE u.upload_id = ? AND u.row_number > ? AND u.row_number <= ? AND u.outcome = 'REACTIVATED'
                        AND m.id = u.member_id""", at, uploadId, afterRow, throughRow);
        }
        return taken;
    }

    private void batchInsert(List<MemberChange> inserts, Timestamp at) {
        if (inserts.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO member (" + INSERT_COLUMNS + ") VALUES (" + nextId
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

    /** The members with these ids, for a transfer-out's checks; IN lists of at most {@link #CHUNK} ids. */
    Map<Long, TransferCandidate> transferCandidates(Collection<Long> ids) {
        Map<Long, TransferCandidate> found = new HashMap<>();
        for (List<Long> chunk : chunks(ids)) {
            named.query("SELECT id, id_number, status, org_code, birth_date, category FROM member WHERE id IN (:ids)",
                    new MapSqlParameterSource("ids", chunk), (RowCallbackHandler) rs -> found.put(rs.getLong("id"),
                            new TransferCandidate(rs.getLong("id"), IdNumber.mask(rs.getString("id_number")),
                                    MemberStatus.valueOf(rs.getString("status")), rs.getString("org_code"),
                                    rs.getObject("birth_date", LocalDate.class),
                                    MemberCategory.valueOf(rs.getString("category")))));
        }
        return found;
    }

    /** Active 团员 born on or before the day, in the subtree with this path: ids only, in SQL. */
    List<Long> overAgeActiveIds(String subtreePath, LocalDate bornOnOrBefore) {
        return named.queryForList("SELECT m.id FROM member m JOIN organisation o ON o.code = m.org_code "
                + "WHERE o.path LIKE :path ESCAPE '\\' AND m.status = 'ACTIVE' AND m.category = :category "
                + "AND m.birth_date <= :born ORDER BY m.id", new MapSqlParameterSource()
                        .addValue("path", MemberQueries.escapeLike(subtreePath) + "%")
                        .addValue("category", MemberCategory.LEAGUE_MEMBER.name())
                        .addValue("born", bornOnOrBefore), Long.class);
    }

    /** How many active 团员 born on or before the day each organisation has itself (not its subtree). */
    Map<String, Integer> overAgeCountsByOrganisation(LocalDate bornOnOrBefore) {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        named.query("SELECT org_code, COUNT(*) AS n FROM member WHERE status = 'ACTIVE' AND category = :category "
                + "AND birth_date <= :born GROUP BY org_code", new MapSqlParameterSource()
                        .addValue("category", MemberCategory.LEAGUE_MEMBER.name()).addValue("born", bornOnOrBefore),
                (RowCallbackHandler) rs -> counts.put(rs.getString("org_code"), rs.getInt("n")));
        return counts;
    }

    /** Ids of the active 团员 born on or before the day that belong to the organisation itself. */
    List<Long> overAgeActiveIdsOf(String orgCode, LocalDate bornOnOrBefore) {
        return named.queryForList("SELECT id FROM member WHERE org_code = :org AND status = 'ACTIVE' "
                + "AND category = :category AND birth_date <= :born ORDER BY id", new MapSqlParameterSource()
                        .addValue("org", orgCode).addValue("category", MemberCategory.LEAGUE_MEMBER.name())
                        .addValue("born", bornOnOrBefore), Long.class);
    }

    /** Sets active members transferred out, {@link #CHUNK} ids a statement; returns how many changed. */
    int transferOut(Collection<Long> ids, TransferReason reason, String note, Instant now) {
        Timestamp at = Timestamp.from(now);
        int changed = 0;
        for (List<Long> chunk : chunks(ids)) {
            changed += named.update("UPDATE member SET status = 'TRANSFERRED_OUT', transfer_reason = :reason, "
                    + "transfer_note = :note, transferred_out_at = :at, updated_at = :at, version = version + 1 "
                    + "WHERE id IN (:ids) AND status = 'ACTIVE'", new MapSqlParameterSource("ids", chunk)
                            .addValue("reason", reason.name())
                            // Typed, so that PostgreSQL accepts a null note.
                            .addValue("note", note, java.sql.Types.VARCHAR).addValue("at", at));
        }
        return changed;
    }

    /** Members by id as the member list shows them. */
    List<MemberView> views(Collection<Long> ids) {
        return queries.byIds(chunks(ids));
    }

    private static List<List<Long>> chunks(Collection<Long> ids) {
        List<Long> all = new ArrayList<>(ids);
        List<List<Long>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            chunks.add(all.subList(from, Math.min(all.size(), from + CHUNK)));
        }
        return chunks;
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
