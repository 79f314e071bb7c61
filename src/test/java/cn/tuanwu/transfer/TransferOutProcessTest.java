package cn.tuanwu.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import cn.tuanwu.identity.Groups;
import cn.tuanwu.member.MemberCategory;
import cn.tuanwu.notification.Notifications;
import cn.tuanwu.support.Api;
import cn.tuanwu.support.TestFixtures;
import cn.tuanwu.support.TuanwuTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every path of transfer-out, driven as users drive it: the API, the jobs, the review. */
@TuanwuTest
class TransferOutProcessTest {

    private static final Instant REQUESTED_AT = Instant.parse("2026-09-10T02:00:00Z");

    @LocalServerPort
    int port;
    @Autowired
    TestFixtures fixtures;
    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;
    @Autowired
    Notifications notifications;
    @Autowired
    JdbcTemplate jdbc;

    Api api;
    TestFixtures.Tree tree;
    Api.Login requester;
    Api.Login reviewer;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        ClockUtil.setCurrentTime(Date.from(REQUESTED_AT));
        api = new Api(port);
        tree = fixtures.tree();
        requester = fixtures.adminOf(tree.streetA());
        reviewer = fixtures.user(Groups.reviewersOf(tree.districtA()));
    }

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void approvedTransferSetsTheMembersTransferredOut() {
        long first = memberId(fixtures.member(tree.branchA()));
        long second = memberId(fixtures.member(tree.streetA()));
        long staying = memberId(fixtures.member(tree.branchA()));
        ProcessInstance instance = request("{\"orgCode\": \"" + tree.streetA() + "\", \"memberIds\": [" + first + ", "
                + second + "], \"reason\": \"LEFT_ORG\", \"note\": \"已调往外市\"}", requester);

        assertThat(instance).isWaitingAt("reviewTransferOut").task()
                .hasCandidateGroup(Groups.reviewersOf(tree.districtA()));
        assertThat(task(instance)).hasName("审核人员转出：" + tree.streetA() + " 2 人");
        String description = task(instance).getDescription();
        assertThat(description).as("the reviewer sees who, masked, in Tasklist").startsWith("待转出 2 人，原因：组织关系已离开")
                .contains("测试成员", tree.branchA(), tree.streetA()).containsPattern("\\d{6}\\*{8}[\\dX]{4}")
                .doesNotContainPattern("\\d{18}|\\d{17}X");
        assertThat(instance).variables().containsEntry("memberCount", 2).containsEntry("reason", "LEFT_ORG")
                .containsOnlyKeys("transferId", "orgCode", "reason", "note", "memberCount", "requestedBy",
                        "reviewerGroup");
        JsonNode shown = api.get("/api/transfer-outs/" + instance.getBusinessKey() + "/members", reviewer).json();
        assertThat(shown).hasSize(2);
        assertThat(shown.get(0).path("idNumberMasked").asText()).contains("*");
        assertThat(shown.get(0).has("idNumber")).isFalse();

        Api.Response decided = api.post("/api/transfer-outs/" + instance.getBusinessKey() + "/decision",
                "{\"approved\": true, \"comment\": \"同意\"}", reviewer);
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        assertThat(decided.json().path("decidedBy").asText()).isEqualTo(reviewer.userId());
        assertThat(instance).isWaitingAt("applyTransfer");
        execute(job());
        assertThat(instance).isWaitingAt("notifySubmitter");
        execute(job());
        assertThat(instance).isEnded().hasPassed("reviewTransferOut", "applyTransfer", "notifySubmitter");

        for (long id : List.of(first, second)) {
            Map<String, Object> row = jdbc.queryForMap(
                    "SELECT status, transfer_reason, transfer_note, transferred_out_at FROM member WHERE id = ?", id);
            assertThat(row.get("status")).isEqualTo("TRANSFERRED_OUT");
            assertThat(row.get("transfer_reason")).isEqualTo("LEFT_ORG");
            assertThat(row.get("transfer_note")).isEqualTo("已调往外市");
            assertThat(row.get("transferred_out_at")).isNotNull();
        }
        assertThat(jdbc.queryForObject("SELECT status FROM member WHERE id = ?", String.class, staying))
                .isEqualTo("ACTIVE");
        assertThat(ids(api.get("/api/members?orgCode=" + tree.streetA() + "&status=ACTIVE", requester)))
                .contains(staying).doesNotContain(first, second);
        assertThat(ids(api.get("/api/members?orgCode=" + tree.streetA() + "&status=ACTIVE&registered=false",
                requester))).contains(staying).doesNotContain(first, second);
        JsonNode details = api.get("/api/transfer-outs/" + instance.getBusinessKey(), requester).json();
        assertThat(details.path("status").asText()).isEqualTo("APPLIED");
        assertThat(details.path("count").asInt()).isEqualTo(2);
        assertThat(notifications.countByDedupKeyPrefix("transfer:" + instance.getBusinessKey() + ":APPLIED"))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE subject_id = ?", Integer.class,
                instance.getBusinessKey())).isEqualTo(3);
    }

    @Test
    void rejectedTransferChangesNothingAndNeedsAComment() {
        long id = memberId(fixtures.member(tree.branchA()));
        ProcessInstance instance = request("{\"orgCode\": \"" + tree.streetA() + "\", \"memberIds\": [" + id
                + "], \"reason\": \"OTHER\", \"note\": \"参军\"}", requester);
        String decision = "/api/transfer-outs/" + instance.getBusinessKey() + "/decision";
        assertThat(api.post(decision, "{\"approved\": false}", reviewer).code()).isEqualTo("E_COMMENT_REQUIRED");
        assertThat(api.post(decision, "{\"approved\": false, \"comment\": \"请附入伍通知\"}", reviewer).status())
                .isEqualTo(200);
        assertThat(instance).isWaitingAt("notifySubmitter");
        execute(job());
        assertThat(instance).isEnded().hasNotPassed("applyTransfer");
        assertThat(jdbc.queryForObject("SELECT status FROM member WHERE id = ?", String.class, id)).isEqualTo("ACTIVE");
        JsonNode details = api.get("/api/transfer-outs/" + instance.getBusinessKey(), requester).json();
        assertThat(details.path("status").asText()).isEqualTo("REJECTED");
        assertThat(details.path("comment").asText()).isEqualTo("请附入伍通知");
        assertThat(notifications.countByDedupKeyPrefix("transfer:" + instance.getBusinessKey() + ":REJECTED"))
                .isEqualTo(1);
        assertThat(api.post(decision, "{\"approved\": true}", reviewer).code()).isEqualTo("NO_OPEN_REVIEW");
    }

    @Test
    void overAgeTransferIsAppliedAtOnceWithoutReview() {
        long old = memberId(fixtures.member(tree.branchA(), LocalDate.of(1996, 1, 1), MemberCategory.LEAGUE_MEMBER));
        ProcessInstance instance = request("{\"orgCode\": \"" + tree.streetA() + "\", \"memberIds\": [" + old
                + "], \"reason\": \"OVER_AGE\"}", requester);
        assertThat(instance).isWaitingAt("applyTransfer");
        assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
        execute(job());
        execute(job());
        assertThat(instance).isEnded().hasPassed("applyTransfer", "notifySubmitter").hasNotPassed("reviewTransferOut");
        assertThat(jdbc.queryForObject("SELECT transfer_reason FROM member WHERE id = ?", String.class, old))
                .isEqualTo("OVER_AGE");
        JsonNode details = api.get("/api/transfer-outs/" + instance.getBusinessKey(), requester).json();
        assertThat(details.path("status").asText()).isEqualTo("APPLIED");
        assertThat(details.path("decidedBy").asText()).isEqualTo(Transfers.RULE);
    }

    @Test
    void theRequesterCannotReviewTheirOwnTransfer() {
        Api.Login both = fixtures.user(Groups.adminsOf(tree.streetA()), Groups.reviewersOf(tree.districtA()));
        long id = memberId(fixtures.member(tree.branchA()));
        ProcessInstance instance = request("{\"orgCode\": \"" + tree.streetA() + "\", \"memberIds\": [" + id
                + "], \"reason\": \"LEFT_ORG\"}", both);
        Api.Response self = api.post("/api/transfer-outs/" + instance.getBusinessKey() + "/decision",
                "{\"approved\": true}", both);
        assertThat(self.status()).isEqualTo(403);
        assertThat(self.code()).isEqualTo("SELF_REVIEW");
        Api.Response stranger = api.post("/api/transfer-outs/" + instance.getBusinessKey() + "/decision",
                "{\"approved\": true}", fixtures.user(Groups.reviewersOf(tree.streetA())));
        assertThat(stranger.status()).isEqualTo(403);

        String taskId = task(instance).getId();
        identityService.setAuthentication(both.userId(), List.of(Groups.reviewersOf(tree.districtA())));
        try {
            assertThatThrownBy(() -> taskService.complete(taskId, Map.of("approved", true)))
                    .isInstanceOf(ProcessEngineException.class).hasMessageContaining("不能审核自己提交的转出");
            assertThatThrownBy(() -> taskService.claim(taskId, both.userId()))
                    .isInstanceOf(ProcessEngineException.class);
        } finally {
            identityService.clearAuthentication();
        }
        assertThat(instance).isWaitingAt("reviewTransferOut");
        assertThat(jdbc.queryForObject("SELECT status FROM member WHERE id = ?", String.class, id)).isEqualTo("ACTIVE");
    }

    private ProcessInstance request(String json, Api.Login login) {
        Api.Response accepted = api.post("/api/transfer-outs", json, login);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        assertThat(accepted.json().path("status").asText()).isEqualTo("AWAITING_REVIEW");
        ProcessInstance instance = runtimeService.createProcessInstanceQuery()
                .processInstanceId(accepted.json().path("processInstanceId").asText()).singleResult();
        assertThat(instance).isStarted();
        assertThat(instance.getBusinessKey()).isEqualTo(accepted.json().path("id").asText());
        return instance;
    }

    private long memberId(String idNumber) {
        return jdbc.queryForObject("SELECT id FROM member WHERE id_number = ?", Long.class, idNumber);
    }

    private static List<Long> ids(Api.Response page) {
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        return page.json().path("content").findValues("id").stream().map(JsonNode::asLong).toList();
    }
}
