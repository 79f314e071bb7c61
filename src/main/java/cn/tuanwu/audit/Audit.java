package cn.tuanwu.audit;

import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Writes audit entries in the caller's transaction, so that an entry exists exactly when its action happened. */
@Service
public class Audit {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    Audit(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** {@code detail} holds counts, codes and ids: never a member's name, ID number or phone. */
    @Transactional
    public void record(String userId, String action, String subjectType, String subjectId, String orgCode, String detail) {
        jdbc.update("INSERT INTO audit_entry (at, user_id, action, subject_type, subject_id, org_code, detail) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)",
                Timestamp.from(clock.instant()), userId == null ? "system" : userId, action, subjectType, subjectId,
                orgCode, detail);
    }
}
