package cn.tuanwu.member;

import cn.tuanwu.shared.IdNumber;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The work list of the registration drive (未登录详情): active members of a subtree who have not
 * registered, streamed from the database one row at a time.
 */
@Service
public class UnregisteredMembers {

    /** Rows per round trip; PostgreSQL only streams with a fetch size inside a transaction. */
    static final int FETCH_SIZE = 1_000;

    private final NamedParameterJdbcTemplate jdbc;

    UnregisteredMembers(DataSource dataSource) {
        JdbcTemplate streaming = new JdbcTemplate(dataSource);
        streaming.setFetchSize(FETCH_SIZE);
        this.jdbc = new NamedParameterJdbcTemplate(streaming);
    }

    /**
     * Hands every unregistered active member of the subtree at {@code subtreePath} to {@code consumer},
     * by organisation then member, and returns how many there were. Memory stays the same for any count.
     */
    @Transactional(readOnly = true)
    public long forEach(String subtreePath, Consumer<UnregisteredMember> consumer) {
        long[] count = {0};
        jdbc.query("""
                SELECT m.name, m.id_number, m.phone, o.code, o.name
                FROM member m JOIN organisation o ON o.code = m.org_code
                WHERE o.path LIKE :prefix ESCAPE '\\' AND m.status = 'ACTIVE' AND m.registered = FALSE
                ORDER BY o.path, m.id""",
                new MapSqlParameterSource("prefix", MemberQueries.escapeLike(subtreePath) + "%"), rs -> {
                    consumer.accept(new UnregisteredMember(rs.getString(1), IdNumber.mask(rs.getString(2)),
                            rs.getString(3), rs.getString(4), rs.getString(5)));
                    count[0]++;
                });
        return count[0];
    }
}
