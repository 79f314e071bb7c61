package cn.tuanwu.notification;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends an e-mail as soon as the transaction that enqueued it commits, on a thread of its own so
 * that the committing request or job never waits for the mail server. When the queue is full or
 * the node stops first, the poller sends it.
 */
@Component
class AfterCommitNudge implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AfterCommitNudge.class);

    private final OutboxSender sender;
    private final ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(1000), new CustomizableThreadFactory("notify-"), new ThreadPoolExecutor.DiscardPolicy());

    AfterCommitNudge(OutboxSender sender) {
        this.sender = sender;
    }

    /** Registers the nudge with the caller's transaction; without one, nudges at once. */
    void afterCommit(String dedupKey) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            nudge(dedupKey);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                nudge(dedupKey);
            }
        });
    }

    private void nudge(String dedupKey) {
        executor.execute(() -> {
            try {
                sender.sendNow(dedupKey);
            } catch (RuntimeException e) {
                // The poller retries; the message may name the address, so only the class is logged.
                log.warn("Sending a notification after commit failed ({}); the poller will retry", OutboxSender.describe(e));
            }
        });
    }

    @Override
    public void destroy() throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }
}
