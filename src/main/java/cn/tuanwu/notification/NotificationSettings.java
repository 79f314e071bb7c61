package cn.tuanwu.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tuanwu.notifications.*}: how the outbox is sent.
 *
 * @param from         the sender address of every e-mail
 * @param pollInterval how often each node looks for due e-mails the after-commit nudge missed
 * @param maxAttempts  attempts before an e-mail is FAILED
 * @param backoff      wait after the first failed attempt; doubled after each further one
 * @param maxBackoff   the longest wait between two attempts
 * @param lease        how long a claim holds; a SENDING claim older than this goes back to PENDING.
 *                     Keep it well above the mail timeouts, or a slow send is sent twice.
 * @param batchSize    e-mails claimed per query of the poller
 */
@ConfigurationProperties("tuanwu.notifications")
record NotificationSettings(@DefaultValue("noreply@localhost") String from, @DefaultValue("5s") Duration pollInterval,
        @DefaultValue("5") int maxAttempts, @DefaultValue("1m") Duration backoff, @DefaultValue("1h") Duration maxBackoff,
        @DefaultValue("5m") Duration lease, @DefaultValue("100") int batchSize) {

    NotificationSettings {
        if (maxAttempts < 1 || batchSize < 1) {
            throw new IllegalArgumentException("tuanwu.notifications.max-attempts and batch-size must be at least 1");
        }
    }

    /** The wait after the {@code attempts}-th failed attempt: backoff, 2×, 4× … up to maxBackoff. */
    Duration backoffAfter(int attempts) {
        Duration wait = backoff;
        for (int i = 1; i < attempts && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
