package cn.tuanwu.upload;

import cn.tuanwu.audit.Audit;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps members' personal data only as long as an upload needs it. Once an upload has ended (applied,
 * rejected, failed, nothing to apply) and {@code tuanwu.upload.retention} has passed, its file and its
 * staged rows' values and cells are deleted: the register holds what was applied, and the admin has
 * had the error report for that long. What stays is what the reports and the audit trail count on: the
 * counts, each row's outcome, error codes and messages (which never repeat personal data), changed
 * field names and organisation. One transaction per upload; several nodes may run it at once.
 */
@Component
class UploadRetention {

    private static final Logger log = LoggerFactory.getLogger(UploadRetention.class);
    static final String SYSTEM = "system:retention";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final UploadSettings settings;
    private final Audit audit;
    private final Clock clock;

    UploadRetention(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, UploadSettings settings, Audit audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    @Scheduled(cron = "${tuanwu.upload.retention-cron:0 30 3 * * *}", zone = "${tuanwu.zone:Asia/Shanghai}")
    void nightly() {
        try {
            purgeDue();
        } catch (RuntimeException e) {
            // A database hiccup: tomorrow's run takes what is left.
            log.warn("Deleting expired upload data failed ({}); the next run retries", e.getClass().getSimpleName());
        }
    }

    /** Purges every upload that ended more than the retention ago; returns how many. */
    int purgeDue() {
        Instant endedBefore = clock.instant().minus(settings.retention());
        List<String> due = jdbc.queryForList("""
                SELECT id FROM upload
                WHERE purged_at IS NULL AND status IN ('APPLIED', 'REJECTED', 'FAILED', 'NOTHING_TO_APPLY')
                  AND COALESCE(applied_at, decided_at, uploaded_at) < ?
                ORDER BY uploaded_at""", String.class, Timestamp.from(endedBefore));
        int purged = 0;
        for (String id : due) {
            if (Boolean.TRUE.equals(transaction.execute(status -> purge(id)))) {
                purged++;
            }
        }
        if (purged > 0) {
            log.info("Deleted the files and staged personal data of {} upload(s) that ended more than {} ago", purged,
                    settings.retention());
        }
        return purged;
    }

    private boolean purge(String uploadId) {
        Instant now = clock.instant();
        // The claim: of two nodes purging at once, one marks it and does the work.
        if (jdbc.update("UPDATE upload SET purged_at = ? WHERE id = ? AND purged_at IS NULL", Timestamp.from(now),
                uploadId) == 0) {
            return false;
        }
        int rows = jdbc.update("""
                UPDATE upload_row SET cells = NULL, id_number = NULL, name = NULL, gender = NULL, birth_date = NULL,
                                      ethnicity = NULL, political_status = NULL, education = NULL, joined_league = NULL,
                                      phone = NULL, post = NULL
                WHERE upload_id = ?""", uploadId);
        jdbc.update("DELETE FROM upload_file WHERE upload_id = ?", uploadId);
        String orgCode = jdbc.queryForObject("SELECT org_code FROM upload WHERE id = ?", String.class, uploadId);
        audit.record(SYSTEM, "PURGE_UPLOAD_DATA", "upload", uploadId, orgCode,
                "file and personal data of " + rows + " staged rows deleted after " + settings.retention());
        return true;
    }
}
