package cn.tuanwu.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Sends what the after-commit nudge missed: e-mails enqueued before a crash, retries that are due. */
@Component
class OutboxPoller {

    private static final Logger log = LoggerFactory.getLogger(OutboxPoller.class);

    private final OutboxSender sender;

    OutboxPoller(OutboxSender sender) {
        this.sender = sender;
    }

    @Scheduled(fixedDelayString = "${tuanwu.notifications.poll-interval:5s}",
            initialDelayString = "${tuanwu.notifications.poll-interval:5s}")
    void poll() {
        try {
            sender.sendDue();
        } catch (RuntimeException e) {
            // A database hiccup: the next poll tries again.
            log.warn("Polling the outbox failed ({})", OutboxSender.describe(e));
        }
    }
}
