package cn.tuanwu.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The sender's statements on the outbox. Each is one auto-committed statement: a claim is a
 * conditional update that exactly one node wins, on H2 and PostgreSQL alike, and every later
 * update names the claim's token, so a node whose claim expired changes nothing.
 */
@Repository
class Outbox {

    private final JdbcTemplate jdbc;

    Outbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Ids of e-mails that are due, oldest first. */
    List<Long> due(Instant now, int limit) {
        return jdbc.queryForList("""
                SELECT id FROM notification
                WHERE status = 'PENDING' AND channel = 'EMAIL' AND (next_attempt_at IS NULL OR next_attempt_at <= ?)
                ORDER BY id LIMIT ?""", Long.class, at(now), limit);
    }

    Optional<Long> pendingEmail(String dedupKey) {
        return jdbc.queryForList("SELECT id FROM notification WHERE dedup_key = ? AND status = 'PENDING' AND channel = 'EMAIL'",
                Long.class, dedupKey).stream().findFirst();
    }

    /** Claims a due e-mail for one attempt; empty when another node has it or it is not due. */
    Optional<Email> claim(long id, String node, String token, Instant now) {
        int claimed = jdbc.update("""
                UPDATE notification SET status = 'SENDING', claimed_by = ?, claim_token = ?, claimed_at = ?,
                                        attempts = attempts + 1
                WHERE id = ? AND status = 'PENDING' AND channel = 'EMAIL'
                  AND (next_attempt_at IS NULL OR next_attempt_at <= ?)""",
                node, token, at(now), id, at(now));
        if (claimed == 0) {
            return Optional.empty();
        }
        return jdbc.query("SELECT id, recipient, subject, body, attempts FROM notification WHERE id = ? AND claim_token = ?",
                (rs, row) -> new Email(rs.getLong("id"), rs.getString("recipient"), rs.getString("subject"),
                        rs.getString("body"), rs.getInt("attempts")), id, token).stream().findFirst();
    }

    boolean sent(long id, String token, Instant now) {
        return jdbc.update("""
                UPDATE notification SET status = 'SENT', sent_at = ?, claim_token = NULL, last_error = NULL
                WHERE id = ? AND status = 'SENDING' AND claim_token = ?""", at(now), id, token) == 1;
    }

    boolean retryAt(long id, String token, Instant nextAttempt, String error) {
        return jdbc.update("""
                UPDATE notification SET status = 'PENDING', next_attempt_at = ?, claim_token = NULL, last_error = ?
                WHERE id = ? AND status = 'SENDING' AND claim_token = ?""", at(nextAttempt), error, id, token) == 1;
    }

    boolean failed(long id, String token, String error) {
        return jdbc.update("""
                UPDATE notification SET status = 'FAILED', claim_token = NULL, last_error = ?
                WHERE id = ? AND status = 'SENDING' AND claim_token = ?""", error, id, token) == 1;
    }

    /** Without a mail server an e-mail stays in the outbox, where it is read. */
    boolean hold(long id) {
        return jdbc.update("""
                UPDATE notification SET status = 'HELD', last_error = 'no mail server configured (spring.mail.host)'
                WHERE id = ? AND status = 'PENDING' AND channel = 'EMAIL'""", id) == 1;
    }

    /**
     * Claims older than the lease belong to a node that died or hung mid-send: back to PENDING, or
     * FAILED when that was the last attempt. Returns how many were released.
     */
    int releaseExpiredClaims(Instant claimedBefore, Instant now, int maxAttempts) {
        return jdbc.update("""
                UPDATE notification
                SET status = CASE WHEN attempts >= ? THEN 'FAILED' ELSE 'PENDING' END,
                    claim_token = NULL, next_attempt_at = ?, last_error = 'claim expired: the sending node stopped or hung'
                WHERE status = 'SENDING' AND claimed_at < ?""", maxAttempts, at(now), at(claimedBefore));
    }

    /**
     * To the millisecond, as the engine's clock keeps time: a timestamp the database rounded up to its
     * precision would not be due at the instant it was computed for.
     */
    private static Timestamp at(Instant instant) {
        return Timestamp.from(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    /** A claimed e-mail; {@code attempts} counts this one. */
    record Email(long id, String recipient, String subject, String body, int attempts) {
    }
}
