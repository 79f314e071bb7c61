package cn.tuanwu.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
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

    // Portable "insert unless present" (startup_lock always has its one row, a portable DUAL);
    // the unique key still settles a race between two nodes.
    private static final String INSERT_UNLESS_PRESENT = """
            INSERT INTO notification (dedup_key, recipient, channel, subject, body, org_code, escalation_level,
                                      process_instance_id, status, attempts, created_at, sent_at)
            SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ? FROM startup_lock
            WHERE name = 'bootstrap' AND NOT EXISTS (SELECT 1 FROM notification WHERE dedup_key = ?)""";

    /** True when it was added, false when a notification with that key exists already. */
    @Transactional
    public boolean enqueue(NewNotification notification) {
        return enqueueAll(List.of(notification)) == 1;
    }

    /**
     * Each notification as {@link #enqueue} adds it, in one round trip (an escalation tells four or more
     * recipients); returns how many were added.
     */
    @Transactional
    public int enqueueAll(List<NewNotification> batch) {
        Timestamp now = Timestamp.from(clock.instant());
        List<Object[]> rows = batch.stream().map(notification -> {
            boolean inbox = notification.channel() == Channel.INBOX;
            return new Object[] {notification.dedupKey(), notification.recipient(), notification.channel().name(),
                    notification.subject(), notification.body(), notification.orgCode(), notification.escalationLevel(),
                    notification.processInstanceId(),
                    inbox ? NotificationStatus.SENT.name() : NotificationStatus.PENDING.name(), now, inbox ? now : null,
                    notification.dedupKey()};
        }).toList();
        int[] added = rows.size() == 1 ? new int[] {jdbc.update(INSERT_UNLESS_PRESENT, rows.get(0))}
                : jdbc.batchUpdate(INSERT_UNLESS_PRESENT, rows);
        int count = 0;
        for (int i = 0; i < added.length; i++) {
            if (added[i] == 1) {
                count++;
                if (batch.get(i).channel() != Channel.INBOX) {
                    nudge.afterCommit(batch.get(i).dedupKey());
                }
            }
        }
        return count;
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
