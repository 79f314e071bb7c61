package cn.tuanwu.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Sends the outbox's e-mails: claims one, sends it, records the outcome. Any number of senders,
 * on any number of nodes, may run over one database: a claim goes to exactly one of them.
 * Logs carry notification ids and error classes only, never a recipient, subject or body.
 */
final class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    private final Outbox outbox;
    /** Null when no mail server is configured: e-mails are then HELD. */
    private final JavaMailSender mail;
    private final NotificationSettings settings;
    private final Clock clock;
    private final String node;

    OutboxSender(Outbox outbox, JavaMailSender mail, NotificationSettings settings, Clock clock, String node) {
        this.outbox = outbox;
        this.mail = mail;
        this.settings = settings;
        this.clock = clock;
        this.node = node;
    }

    /** What the poller does: frees expired claims, then sends every e-mail that is due. Returns how many it handled. */
    int sendDue() {
        Instant now = clock.instant();
        int released = outbox.releaseExpiredClaims(now.minus(settings.lease()), now, settings.maxAttempts());
        if (released > 0) {
            log.warn("Released {} notification claim(s) older than {}", released, settings.lease());
        }
        int handled = 0;
        List<Long> due;
        do {
            due = outbox.due(clock.instant(), settings.batchSize());
            for (long id : due) {
                if (deliver(id)) {
                    handled++;
                }
            }
        } while (due.size() == settings.batchSize());
        return handled;
    }

    /** What the after-commit nudge does: sends the e-mail just enqueued, unless a poller was quicker. */
    void sendNow(String dedupKey) {
        outbox.pendingEmail(dedupKey).ifPresent(this::deliver);
    }

    private boolean deliver(long id) {
        if (mail == null) {
            return outbox.hold(id);
        }
        String token = UUID.randomUUID().toString();
        return outbox.claim(id, node, token, clock.instant()).map(email -> {
            attempt(email, token);
            return true;
        }).orElse(false);
    }

    private void attempt(Outbox.Email email, String token) {
        try {
            mail.send(message(email));
        } catch (MailException e) {
            String error = describe(e);
            boolean permanent = e instanceof MailParseException || e instanceof MailPreparationException;
            if (permanent || email.attempts() >= settings.maxAttempts()) {
                outbox.failed(email.id(), token, error);
                log.error("Notification {} FAILED after {} attempt(s): {}", email.id(), email.attempts(), error);
            } else {
                outbox.retryAt(email.id(), token, clock.instant().plus(settings.backoffAfter(email.attempts())), error);
                log.warn("Notification {} attempt {} failed, will retry: {}", email.id(), email.attempts(), error);
            }
            return;
        }
        if (!outbox.sent(email.id(), token, clock.instant())) {
            log.warn("Notification {} was sent after its claim expired; lease {} is shorter than the send took",
                    email.id(), settings.lease());
        }
    }

    private MimeMessage message(Outbox.Email email) {
        MimeMessage message = mail.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
            helper.setFrom(settings.from());
            helper.setTo(email.recipient());
            helper.setSubject(email.subject());
            helper.setText(email.body(), false);
            helper.setSentDate(Date.from(clock.instant()));
            message.setHeader("Message-ID", messageId(email.id(), settings.from()));
        } catch (MessagingException e) {
            // Without the cause's message: it would name the address.
            throw new MailParseException("Unusable address or header in notification " + email.id(), null);
        }
        return message;
    }

    /**
     * One Message-ID per notification, the same on every attempt. SMTP cannot be exactly-once: a node
     * that dies after the server accepted an e-mail but before recording it as SENT leaves a claim that
     * another node takes over after the lease and sends again. The copy then carries the same
     * Message-ID, by which mail clients and the tests recognise it as one e-mail. No recipient in it.
     */
    static String messageId(long notificationId, String from) {
        int at = from.lastIndexOf('@');
        String domain = at >= 0 && at < from.length() - 1 ? from.substring(at + 1).replaceAll("[^A-Za-z0-9.-]", "") : "";
        return "<notification." + notificationId + "@" + (domain.isEmpty() ? "tuanwu.invalid" : domain) + ">";
    }

    /** The chain of exception classes, e.g. "MailSendException < MessagingException < ConnectException". */
    static String describe(Throwable error) {
        List<String> classes = new ArrayList<>();
        for (Throwable cause = error; cause != null && classes.size() < 5; cause = cause.getCause()) {
            classes.add(cause.getClass().getSimpleName());
        }
        if (error instanceof MailSendException send && error.getCause() == null) {
            for (Exception failed : send.getFailedMessages().values()) {
                for (Throwable cause = failed; cause != null && classes.size() < 8; cause = cause.getCause()) {
                    classes.add(cause.getClass().getSimpleName());
                }
            }
        }
        return String.join(" < ", classes);
    }
}
