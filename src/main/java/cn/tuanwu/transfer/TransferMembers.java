package cn.tuanwu.transfer;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Which members a transfer moves: the list stays in the database, never in process variables. */
@Repository
class TransferMembers {

    private final JdbcTemplate jdbc;

    TransferMembers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void store(String transferId, List<Long> memberIds) {
        jdbc.batchUpdate("INSERT INTO transfer_member (transfer_id, member_id) VALUES (?, ?)", memberIds, 1_000,
                (statement, memberId) -> {
                    statement.setString(1, transferId);
                    statement.setLong(2, memberId);
                });
    }

    List<Long> of(String transferId) {
        return jdbc.queryForList("SELECT member_id FROM transfer_member WHERE transfer_id = ? ORDER BY member_id",
                Long.class, transferId);
    }
}
