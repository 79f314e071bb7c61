package cn.tuanwu.notification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tuanwu.identity.Groups;
import cn.tuanwu.notification.Notifications.Channel;
import cn.tuanwu.notification.Notifications.NewNotification;
import cn.tuanwu.support.Api;
import cn.tuanwu.support.TestFixtures;
import cn.tuanwu.support.TuanwuTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code GET /api/notifications}: the outbox in the caller's scope, newest first, paged. */
@TuanwuTest
class NotificationApiTest {

    @LocalServerPort
    int port;
    @Autowired
    TestFixtures fixtures;
    @Autowired
    Notifications notifications;

    Api api;
    TestFixtures.Tree tree;
    /** Every notification of a test belongs to this process, so that a supervisor's view can be checked exactly. */
    String process;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        tree = fixtures.tree();
        process = TestFixtures.unique("pi-");
        notify("street", tree.streetA(), null);
        notify("branch", tree.branchA(), 1);
        notify("other", tree.districtB(), null);
        notify("none", null, null);
    }

    @Test
    void anAdminSeesTheNotificationsOfTheirSubtreeOnly() {
        Api.Response response = api.get("/api/notifications?processInstanceId=" + process, fixtures.adminOf(tree.streetA()));
        assertThat(response.status()).isEqualTo(200);
        assertThat(subjects(response)).containsExactly("branch", "street");
        assertThat(response.json().path("totalElements").asLong()).isEqualTo(2);

        JsonNode branch = response.json().path("content").get(0);
        assertThat(branch.path("recipient").asText()).isEqualTo(Groups.reviewersOf(tree.branchA()));
        assertThat(branch.path("channel").asText()).isEqualTo("INBOX");
        assertThat(branch.path("status").asText()).isEqualTo("SENT");
        assertThat(branch.path("escalationLevel").asInt()).isEqualTo(1);
        assertThat(branch.path("processInstanceId").asText()).isEqualTo(process);
        assertThat(branch.path("body").asText()).isEqualTo("正文 branch");
        assertThat(branch.path("createdAt").asText()).isNotBlank();
        assertThat(branch.path("sentAt").asText()).isNotBlank();
    }

    @Test
    void anOrgCodeNarrowsToItsSubtreeWithinTheScope() {
        Api.Login districtAdmin = fixtures.adminOf(tree.districtA());
        assertThat(subjects(api.get("/api/notifications?orgCode=" + tree.branchA() + "&processInstanceId=" + process,
                districtAdmin))).containsExactly("branch");
        assertThat(subjects(api.get("/api/notifications?orgCode=" + tree.districtA() + "&processInstanceId=" + process,
                districtAdmin))).containsExactly("branch", "street");
    }

    @Test
    void anOrgCodeOutsideTheScopeIsRefused() {
        Api.Login streetReviewer = fixtures.user(Groups.reviewersOf(tree.streetA()));
        Api.Response sibling = api.get("/api/notifications?orgCode=" + tree.districtB(), streetReviewer);
        assertThat(sibling.status()).isEqualTo(403);
        assertThat(sibling.code()).isEqualTo("OUT_OF_SCOPE");
        Api.Response above = api.get("/api/notifications?orgCode=" + tree.districtA(), streetReviewer);
        assertThat(above.status()).isEqualTo(403);
        assertThat(above.code()).isEqualTo("OUT_OF_SCOPE");
        assertThat(api.get("/api/notifications?orgCode=NOSUCHORG", streetReviewer).status()).isEqualTo(404);
    }

    @Test
    void aCitySupervisorSeesEveryNotificationAlsoThoseOfNoOrganisation() {
        Api.Response response = api.get("/api/notifications?processInstanceId=" + process, fixtures.supervisor());
        assertThat(subjects(response)).containsExactly("none", "other", "branch", "street");
    }

    @Test
    void aUserWithoutAScopeSeesNothing() {
        Api.Response response = api.get("/api/notifications?processInstanceId=" + process, fixtures.user());
        assertThat(response.status()).isEqualTo(200);
        assertThat(subjects(response)).isEmpty();
    }

    @Test
    void pagesNewestFirst() {
        Api.Login supervisor = fixtures.supervisor();
        Api.Response first = api.get("/api/notifications?size=3&processInstanceId=" + process, supervisor);
        assertThat(subjects(first)).containsExactly("none", "other", "branch");
        assertThat(first.json().path("totalElements").asLong()).isEqualTo(4);
        assertThat(first.json().path("totalPages").asLong()).isEqualTo(2);
        Api.Response second = api.get("/api/notifications?size=3&page=1&processInstanceId=" + process, supervisor);
        assertThat(subjects(second)).containsExactly("street");
        assertThat(second.json().path("page").asInt()).isEqualTo(1);
    }

    @Test
    void aPageTooLargeOrNegativeIsRefused() {
        Api.Login supervisor = fixtures.supervisor();
        Api.Response tooLarge = api.get("/api/notifications?size=201", supervisor);
        assertThat(tooLarge.status()).isEqualTo(400);
        assertThat(tooLarge.code()).isEqualTo("INVALID_REQUEST");
        assertThat(api.get("/api/notifications?page=-1", supervisor).status()).isEqualTo(400);
        assertThat(api.get("/api/notifications", null).status()).isEqualTo(401);
    }

    private void notify(String subject, String orgCode, Integer escalationLevel) {
        String recipient = orgCode == null ? Groups.CITY_SUPERVISORS : Groups.reviewersOf(orgCode);
        notifications.enqueue(new NewNotification(process + ":" + subject, recipient, Channel.INBOX, subject,
                "正文 " + subject, orgCode, escalationLevel, process));
    }

    private static List<String> subjects(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<String> subjects = new ArrayList<>();
        response.json().path("content").forEach(node -> subjects.add(node.path("subject").asText()));
        return subjects;
    }
}
