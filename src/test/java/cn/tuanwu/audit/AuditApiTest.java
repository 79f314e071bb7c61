package cn.tuanwu.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tuanwu.support.Api;
import cn.tuanwu.support.TestFixtures;
import cn.tuanwu.support.TuanwuTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code GET /api/audit}: city supervisors only, dates in Asia/Shanghai, newest first, paged. */
@TuanwuTest
class AuditApiTest {

    @LocalServerPort
    int port;
    @Autowired
    TestFixtures fixtures;
    @Autowired
    Audit audit;

    Api api;
    Api.Login supervisor;
    /** The user of this test's entries, so that the supervisor's view can be checked exactly. */
    String user;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        supervisor = fixtures.supervisor();
        user = TestFixtures.unique("auditor-").toLowerCase();
        // 23:30 on 1 September and 00:30 on 2 September in Shanghai are both 1 September in UTC.
        record("late-evening", "2025-09-01T15:30:00Z");
        record("just-after-midnight", "2025-09-01T16:30:00Z");
        record("two-days-later", "2025-09-03T02:00:00Z");
        record("unrelated", "2025-09-02T04:00:00Z", "someone-else");
    }

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void aCitySupervisorSeesAUsersEntriesNewestFirst() {
        Api.Response response = api.get("/api/audit?user=" + user, supervisor);
        assertThat(actions(response)).containsExactly("two-days-later", "just-after-midnight", "late-evening");
        var newest = response.json().path("content").get(0);
        assertThat(newest.path("user").asText()).isEqualTo(user);
        assertThat(newest.path("subjectType").asText()).isEqualTo("upload");
        assertThat(newest.path("subjectId").asText()).isEqualTo("u-1");
        assertThat(newest.path("orgCode").asText()).isEqualTo("HP");
        assertThat(newest.path("detail").asText()).isEqualTo("rows=3");
        assertThat(Instant.parse(newest.path("at").asText())).isEqualTo(Instant.parse("2025-09-03T02:00:00Z"));
        assertThat(newest.path("id").asLong()).isPositive();
    }

    @Test
    void datesAreDaysInShanghai() {
        assertThat(actions(api.get("/api/audit?user=" + user + "&from=2025-09-02&to=2025-09-02", supervisor)))
                .containsExactly("just-after-midnight");
        assertThat(actions(api.get("/api/audit?user=" + user + "&to=2025-09-01", supervisor)))
                .containsExactly("late-evening");
    }

    @Test
    void dateTimesAreInShanghaiUnlessTheyCarryAnOffset() {
        assertThat(actions(api.get("/api/audit?user=" + user + "&from=2025-09-01T23:00&to=2025-09-02T00:00", supervisor)))
                .containsExactly("late-evening");
        assertThat(actions(api.get("/api/audit?user=" + user + "&from=2025-09-01T16:00:00Z", supervisor)))
                .containsExactly("two-days-later", "just-after-midnight");
        assertThat(actions(api.get("/api/audit?user=" + user + "&from=2025-09-02T00:00:00%2B08:00", supervisor)))
                .containsExactly("two-days-later", "just-after-midnight");
    }

    @Test
    void pages() {
        Api.Response second = api.get("/api/audit?user=" + user + "&size=2&page=1", supervisor);
        assertThat(actions(second)).containsExactly("late-evening");
        assertThat(second.json().path("totalElements").asLong()).isEqualTo(3);
        assertThat(second.json().path("totalPages").asLong()).isEqualTo(2);
    }

    @Test
    void onlyCitySupervisorsMayRead() {
        TestFixtures.Tree tree = fixtures.tree();
        Api.Response admin = api.get("/api/audit", fixtures.adminOf(tree.districtA()));
        assertThat(admin.status()).isEqualTo(403);
        assertThat(admin.code()).isEqualTo("FORBIDDEN");
        assertThat(api.get("/api/audit", fixtures.user("camunda-admin")).status()).isEqualTo(403);
        assertThat(api.get("/api/audit", null).status()).isEqualTo(401);
    }

    @Test
    void badParametersAreRefusedWithAMessageThatSaysWhatToSend() {
        Api.Response notADate = api.get("/api/audit?from=yesterday", supervisor);
        assertThat(notADate.status()).isEqualTo(400);
        assertThat(notADate.code()).isEqualTo("E_DATE_INVALID");
        assertThat(notADate.json().path("detail").asText()).contains("from").contains("2025-09-01");
        assertThat(api.get("/api/audit?to=2025-13-01", supervisor).code()).isEqualTo("E_DATE_INVALID");

        Api.Response reversed = api.get("/api/audit?from=2025-09-03&to=2025-09-01", supervisor);
        assertThat(reversed.status()).isEqualTo(400);
        assertThat(reversed.code()).isEqualTo("E_PERIOD_INVALID");

        Api.Response tooLarge = api.get("/api/audit?size=1000", supervisor);
        assertThat(tooLarge.status()).isEqualTo(400);
        assertThat(tooLarge.code()).isEqualTo("INVALID_REQUEST");
    }

    private void record(String action, String at) {
        record(action, at, user);
    }

    private void record(String action, String at, String userId) {
        ClockUtil.setCurrentTime(Date.from(Instant.parse(at)));
        audit.record(userId, action, "upload", "u-1", "HP", "rows=3");
    }

    private static List<String> actions(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<String> actions = new ArrayList<>();
        response.json().path("content").forEach(node -> actions.add(node.path("action").asText()));
        return actions;
    }
}
