package cn.tuanwu.notification;

import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts notifications into the outbox, in the caller's transaction, at most once per
 * {@link NewNotification#dedupKey()}. An INBOX notification is delivered by that commit (SENT); an
 * e-mail is sent right after it, or by the poller if that nudge is lost.
 */
@Service
public class Notifications {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final AfterCommitNudge nudge;

    Notifications(JdbcTemplate jdbc, Clock clock, AfterCommitNudge nudge) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.nudge = nudge;
    }

    /** True when it was added, false when a notification with that key exists already. */
    @Transactional
    public boolean enqueue(NewNotification notification) {
        // Portable "insert unless present" (startup_lock always has its one row, a portable DUAL);
        // the unique key still settles a race between two nodes.
        boolean inbox = notification.channel() == Channel.INBOX;
        Timestamp now = Timestamp.from(clock.instant());
        int added = jdbc.update("""
                INSERT INTO notification (dedup_key, recipient, channel, subject, body, org_code, escalation_level,
                                          process_instance_id, status, attempts, created_at, sent_at)
                SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ? FROM startup_lock
                WHERE name = 'bootstrap' AND NOT EXISTS (SELECT 1 FROM notification WHERE dedup_key = ?)""",
                notification.dedupKey(), notification.recipient(), notification.channel().name(),
                notification.subject(), notification.body(), notification.orgCode(), notification.escalationLevel(),
                notification.processInstanceId(), inbox ? NotificationStatus.SENT.name() : NotificationStatus.PENDING.name(),
                now, inbox ? now : null, notification.dedupKey());
        if (added == 1 && !inbox) {
            nudge.afterCommit(notification.dedupKey());
        }
        return added == 1;
    }

    @Transactional(readOnly = true)
    public long countByDedupKeyPrefix(String prefix) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM notification WHERE dedup_key LIKE ?", Long.class, prefix + "%");
    }

    /** EMAIL to an address; INBOX to a user or group id, read in the application. */
    public enum Channel { EMAIL, INBOX }

    /** A notification to put into the outbox. Bodies carry counts and codes, never a member's personal data. */
    public record NewNotification(String dedupKey, String recipient, Channel channel, String subject, String body,
            String orgCode, Integer escalationLevel, String processInstanceId) {
    }
}
