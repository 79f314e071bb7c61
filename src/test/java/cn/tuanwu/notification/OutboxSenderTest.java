package cn.tuanwu.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.tuanwu.support.TestFixtures;
import cn.tuanwu.support.TuanwuTest;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The sender against a real SMTP server (GreenMail) and the shared database. Each test builds its
 * own senders, as separate nodes would be, with a clock of its own; the application's poller does
 * not run in tests, so nothing else sends these rows.
 */
@TuanwuTest
class OutboxSenderTest {

    private static final int SMTP_PORT = freePort();

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

    private static final NotificationSettings SETTINGS = new NotificationSettings("团务 <tuanwu@example.org>",
            Duration.ofSeconds(5), 3, Duration.ofMinutes(1), Duration.ofMinutes(10), Duration.ofMinutes(5), 10);

    @Autowired
    Outbox outbox;
    @Autowired
    JdbcTemplate jdbc;

    private final MovableClock clock = new MovableClock(Instant.now());
    private final String batch = TestFixtures.unique("t").toLowerCase(Locale.ROOT);

    @BeforeEach
    void noStrayDueEmails() {
        // Other tests' e-mails are nudged to the run's SMTP server right after their commit; none may be left for these senders.
        await().atMost(Duration.ofSeconds(10))
                .until(() -> outbox.due(clock.instant().plus(Duration.ofDays(1)), 1).isEmpty());
    }

    @Test
    void sendsAnEmailOnceWithItsChineseSubjectAndBody() throws Exception {
        long id = email("a", "团员信息导入已完成：测试.xlsx", "新增：3\n更新：1\n");

        assertThat(node("a").sendDue()).isEqualTo(1);
        assertThat(node("a").sendDue()).isZero();

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).isEqualTo("团员信息导入已完成：测试.xlsx");
        assertThat(((String) received[0].getContent()).replace("\r\n", "\n")).isEqualTo("新增：3\n更新：1\n");
        assertThat(received[0].getFrom()[0].toString()).contains("tuanwu@example.org");
        assertThat(received[0].getRecipients(Message.RecipientType.TO)[0].toString()).isEqualTo(address("a"));
        assertThat(row(id)).containsEntry("status", "SENT").containsEntry("attempts", 1);
        assertThat(row(id).get("sent_at")).isNotNull();
    }

    @Test
    void twoNodesRacingOverTheOutboxSendEachEmailExactlyOnce() throws Exception {
        int count = 60;
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            email("r" + i, "催办 " + i, "请审核");
            keys.add(batch + ":r" + i);
        }
        List<String> reversed = new ArrayList<>(keys);
        Collections.reverse(reversed);
        OutboxSender nodeA = node("node-a");
        OutboxSender nodeB = node("node-b");
        CyclicBarrier start = new CyclicBarrier(3);
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            List<Callable<Integer>> work = List.of(
                    () -> { start.await(); return nodeA.sendDue(); },
                    () -> { start.await(); return nodeB.sendDue(); },
                    // Node A's nudges, in the other order, race both pollers.
                    () -> { start.await(); reversed.forEach(nodeA::sendNow); return 0; });
            List<Future<Integer>> results = threads.invokeAll(work);
            int handledByPollers = results.get(0).get() + results.get(1).get();
            assertThat(handledByPollers).isBetween(0, count);
        } finally {
            threads.shutdownNow();
        }

        List<String> recipients = Arrays.stream(smtp.getReceivedMessages()).map(OutboxSenderTest::to).toList();
        assertThat(recipients).hasSize(count).doesNotHaveDuplicates();
        assertThat(jdbc.queryForList("SELECT status, attempts FROM notification WHERE dedup_key LIKE ?", batch + ":%"))
                .hasSize(count).allSatisfy(row -> {
                    assertThat(row.get("status")).isEqualTo("SENT");
                    assertThat(((Number) row.get("attempts")).intValue()).isEqualTo(1);
                });
        assertThat(jdbc.queryForList("SELECT DISTINCT claimed_by FROM notification WHERE dedup_key LIKE ?", String.class,
                batch + ":%")).isSubsetOf("node-a", "node-b");
    }

    @Test
    void retriesWithBackoffWhileTheMailServerIsDownThenSendsOnce() {
        long id = email("down", "提醒", "请审核");
        OutboxSender sender = node("a");
        smtp.stop();

        assertThat(sender.sendDue()).isEqualTo(1);
        assertThat(row(id)).containsEntry("status", "PENDING").containsEntry("attempts", 1);
        assertThat((String) row(id).get("last_error")).contains("MailSendException").doesNotContain(address("down"));
        assertThat(sender.sendDue()).as("not due before the backoff").isZero();

        clock.advance(Duration.ofMinutes(1));
        assertThat(sender.sendDue()).isEqualTo(1);
        assertThat(row(id)).containsEntry("status", "PENDING").containsEntry("attempts", 2);
        clock.advance(Duration.ofMinutes(1));
        assertThat(sender.sendDue()).as("the backoff doubled to two minutes").isZero();

        smtp.start();
        clock.advance(Duration.ofMinutes(1));
        assertThat(sender.sendDue()).isEqualTo(1);
        assertThat(row(id)).containsEntry("status", "SENT").containsEntry("attempts", 3).containsEntry("last_error", null);
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @Test
    void failsAfterTheConfiguredAttempts() {
        long id = email("gone", "提醒", "请审核");
        OutboxSender sender = node("a");
        smtp.stop();
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThat(sender.sendDue()).isEqualTo(1);
            clock.advance(Duration.ofMinutes(10));
        }
        assertThat(row(id)).containsEntry("status", "FAILED").containsEntry("attempts", 3);

        smtp.start();
        assertThat(sender.sendDue()).isZero();
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void anUnusableAddressFailsAtOnce() {
        long id = insert(batch + ":bad", "not an address", "提醒", "请审核");
        assertThat(node("a").sendDue()).isEqualTo(1);
        assertThat(row(id)).containsEntry("status", "FAILED").containsEntry("attempts", 1);
        assertThat((String) row(id).get("last_error")).doesNotContain("not an address");
    }

    @Test
    void aClaimOfANodeThatDiedIsReleasedAfterTheLeaseAndSentOnce() {
        long id = email("crash", "提醒", "请审核");
        String deadToken = UUID.randomUUID().toString();
        assertThat(outbox.claim(id, "dead-node", deadToken, clock.instant())).isPresent();
        OutboxSender survivor = node("b");

        clock.advance(Duration.ofMinutes(4));
        assertThat(survivor.sendDue()).as("the claim still holds").isZero();
        clock.advance(Duration.ofMinutes(2));
        assertThat(survivor.sendDue()).isEqualTo(1);

        assertThat(row(id)).containsEntry("status", "SENT").containsEntry("attempts", 2).containsEntry("claimed_by", "b");
        assertThat(outbox.sent(id, deadToken, clock.instant())).as("the dead node's late update is fenced off").isFalse();
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @Test
    void anEmailResentAfterANodeDiedBetweenSendingAndRecordingKeepsItsMessageId() throws Exception {
        long id = email("resent", "一级预警", "请整改");
        assertThat(node("a").sendDue()).isEqualTo(1);
        // What a node killed after the server accepted the e-mail leaves behind: the claim, not SENT.
        jdbc.update("UPDATE notification SET status = 'SENDING', sent_at = NULL, claimed_by = 'a', claim_token = 'dead', "
                + "claimed_at = ? WHERE id = ?", java.sql.Timestamp.from(clock.instant()), id);

        clock.advance(Duration.ofMinutes(6));
        assertThat(node("b").sendDue()).isEqualTo(1);

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).as("SMTP is at least once: the survivor sends it again").hasSize(2);
        assertThat(received[0].getMessageID()).isEqualTo(received[1].getMessageID())
                .isEqualTo("<notification." + id + "@example.org>");
        assertThat(row(id)).containsEntry("status", "SENT").containsEntry("attempts", 2);
    }

    @Test
    void withoutAMailServerEmailsAreHeldInTheOutbox() {
        long id = email("held", "提醒", "请审核");
        OutboxSender noMail = new OutboxSender(outbox, null, SETTINGS, clock, "no-mail");
        assertThat(noMail.sendDue()).isEqualTo(1);
        assertThat(row(id)).containsEntry("status", "HELD").containsEntry("attempts", 0);
        assertThat(node("a").sendDue()).isZero();
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    private OutboxSender node(String name) {
        JavaMailSenderImpl mail = new JavaMailSenderImpl();
        mail.setHost("127.0.0.1");
        mail.setPort(SMTP_PORT);
        mail.setDefaultEncoding("UTF-8");
        mail.getJavaMailProperties().put("mail.smtp.connectiontimeout", "2000");
        mail.getJavaMailProperties().put("mail.smtp.timeout", "5000");
        return new OutboxSender(outbox, mail, SETTINGS, clock, name);
    }

    private String address(String who) {
        return batch + "-" + who + "@example.org";
    }

    private long email(String who, String subject, String body) {
        return insert(batch + ":" + who, address(who), subject, body);
    }

    /** Straight into the table: Notifications.enqueue would nudge the application's own sender. */
    private long insert(String key, String recipient, String subject, String body) {
        jdbc.update("INSERT INTO notification (dedup_key, recipient, channel, subject, body, status, attempts, created_at) "
                + "VALUES (?, ?, 'EMAIL', ?, ?, 'PENDING', 0, ?)", key, recipient, subject, body, Timestamp.from(clock.instant()));
        return jdbc.queryForObject("SELECT id FROM notification WHERE dedup_key = ?", Long.class, key);
    }

    private Map<String, Object> row(long id) {
        Map<String, Object> row = new HashMap<>();
        jdbc.queryForMap("SELECT status, attempts, sent_at, last_error, claimed_by FROM notification WHERE id = ?", id)
                .forEach((column, value) -> row.put(column.toLowerCase(Locale.ROOT),
                        value instanceof Number number ? number.intValue() : value));
        return row;
    }

    private static String to(MimeMessage message) {
        try {
            return message.getRecipients(Message.RecipientType.TO)[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The tests' own time, so that backoff and lease are checked without waiting. */
    static final class MovableClock extends Clock {

        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("Asia/Shanghai");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
