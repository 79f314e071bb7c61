package cn.tuanwu.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.tuanwu.notification.Notifications.Channel;
import cn.tuanwu.notification.Notifications.NewNotification;
import cn.tuanwu.support.TestFixtures;
import cn.tuanwu.support.TestMailServer;
import cn.tuanwu.support.TuanwuTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Enqueueing in the application: the tests' profile has no mail server and a poller that never runs. */
@TuanwuTest
class NotificationsTest {

    @Autowired
    Notifications notifications;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;

    private final String key = TestFixtures.unique("n:");
    private final String address = TestFixtures.unique("n").toLowerCase(java.util.Locale.ROOT) + "@example.org";

    @Test
    void anEmailIsTakenUpRightAfterItsTransactionCommits() {
        transactions.executeWithoutResult(status -> {
            assertThat(notifications.enqueue(email(key))).isTrue();
            assertThat(notifications.enqueue(email(key))).as("once per key").isFalse();
        });

        // Only the after-commit nudge can have done it: the poller's first run is an hour away.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(statusOf(key)).containsExactly("SENT"));
        assertThat(TestMailServer.receivedBy(address)).as("arrived at the run's SMTP server, once").hasSize(1);
    }

    @Test
    void aBatchAddsEachNewKeyOnceAndSendsOnlyTheEmailsItAdded() {
        String inbox = key + ":inbox";
        String repeated = key + ":repeated";
        transactions.executeWithoutResult(status -> notifications.enqueue(email(repeated)));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(statusOf(repeated)).containsExactly("SENT"));

        transactions.executeWithoutResult(status -> assertThat(notifications.enqueueAll(List.of(email(key),
                new NewNotification(inbox, "org-X-admins", Channel.INBOX, "一级预警", "数据", null, 1, null),
                email(repeated), email(key)))).as("the new e-mail and the inbox row, each once").isEqualTo(2));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(statusOf(key)).containsExactly("SENT"));
        assertThat(statusOf(inbox)).containsExactly("SENT");
        assertThat(TestMailServer.receivedBy(address)).as("the repeated key was not sent again").hasSize(2);
    }

    @Test
    void anInboxNotificationIsDeliveredByItsCommit() {
        transactions.executeWithoutResult(status -> notifications.enqueue(new NewNotification(key, "org-X-reviewers",
                Channel.INBOX, "请审核", "等待审核 3 天", null, null, null)));

        Map<String, Object> row = jdbc.queryForMap("SELECT status, sent_at, created_at FROM notification WHERE dedup_key = ?", key);
        assertThat(row.get("STATUS")).isEqualTo("SENT");
        assertThat(row.get("SENT_AT")).isEqualTo(row.get("CREATED_AT"));
    }

    @Test
    void aRolledBackTransactionLeavesNothingToSend() {
        transactions.executeWithoutResult(status -> {
            notifications.enqueue(email(key));
            status.setRollbackOnly();
        });
        assertThat(statusOf(key)).isEmpty();
    }

    private List<String> statusOf(String dedupKey) {
        return jdbc.queryForList("SELECT status FROM notification WHERE dedup_key = ?", String.class, dedupKey);
    }

    private NewNotification email(String dedupKey) {
        return new NewNotification(dedupKey, address, Channel.EMAIL, "导入已完成", "新增：1", null, null, null);
    }
}
