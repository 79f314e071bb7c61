package cn.tuanwu.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import cn.tuanwu.identity.Groups;
import cn.tuanwu.member.MemberRegister;
import cn.tuanwu.member.RegisteredMember;
import cn.tuanwu.notification.Notifications;
import cn.tuanwu.support.Api;
import cn.tuanwu.support.IdNumbers;
import cn.tuanwu.support.TestFixtures;
import cn.tuanwu.support.TuanwuTest;
import cn.tuanwu.support.Workbooks;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every path of member-import, driven as users drive it: the upload API, jobs, the review, the clock. */
@TuanwuTest
class MemberImportProcessTest {

    private static final Instant UPLOADED_AT = Instant.parse("2026-09-10T02:00:00Z");

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
    ManagementService managementService;
    @Autowired
    IdentityService identityService;
    @Autowired
    MemberRegister register;
    @Autowired
    Notifications notifications;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    Api api;
    TestFixtures.Tree tree;
    Api.Login uploader;
    Api.Login reviewer;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        ClockUtil.setCurrentTime(Date.from(UPLOADED_AT));
        api = new Api(port);
        tree = fixtures.tree();
        uploader = fixtures.adminOf(tree.streetA());
        reviewer = fixtures.user(Groups.reviewersOf(tree.districtA()));
    }

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void approvedUploadIsAppliedAndTheSubmitterTold() {
        String existing = fixtures.member(tree.branchA());
        register.register(cn.tuanwu.shared.IdNumber.trusted(existing), UPLOADED_AT.minusSeconds(86_400));
        String newOne = IdNumbers.next(LocalDate.of(2001, 3, 4));
        ProcessInstance instance = upload(List.of(
                Workbooks.member("张三", newOne, tree.branchA(), "13812345678"),
                List.of("测试成员", existing, "", "汉族", "中共党员", "硕士", "2015-05", "13912345678", tree.branchA(), "团员", "", "")));

        execute(job());
        assertThat(instance).isWaitingAt("reviewUpload").task().hasCandidateGroup(Groups.reviewersOf(tree.districtA()));
        assertThat(instance).variables().containsEntry("countNew", 1).containsEntry("countUpdated", 1)
                .containsEntry("parseResult", "REVIEW").containsEntry("late", false);
        assertThat(task(instance)).hasName("审核导入：" + tree.streetA() + " members.xlsx");
        assertThat(api.get("/api/imports/" + instance.getBusinessKey(), uploader).json().path("status").asText())
                .isEqualTo("AWAITING_REVIEW");

        com.fasterxml.jackson.databind.JsonNode updated = api.get("/api/imports/" + instance.getBusinessKey()
                + "/rows?outcome=UPDATED", uploader).json().path("content").get(0);
        assertThat(updated.path("changedFields").toString()).contains("政治面貌", "学历", "手机号码");

        long versionBefore = jdbc.queryForObject("SELECT version FROM member WHERE id_number = ?", Long.class, existing);
        Api.Response decided = api.post("/api/imports/" + instance.getBusinessKey() + "/decision",
                "{\"approved\": true, \"comment\": \"同意\"}", reviewer);
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        assertThat(decided.json().path("status").asText()).isEqualTo("APPLYING");
        assertThat(decided.json().path("decidedBy").asText()).isEqualTo(reviewer.userId());
        assertThat(instance).isWaitingAt("applyUpload");
        execute(job());
        assertThat(instance).isWaitingAt("notifySubmitter");
        execute(job());
        assertThat(instance).isEnded().hasPassed("parseUpload", "reviewUpload", "applyUpload", "notifySubmitter");

        Map<String, RegisteredMember> members = register.findByIdNumbers(List.of(newOne, existing));
        assertThat(members.get(newOne).name()).isEqualTo("张三");
        assertThat(members.get(newOne).orgCode()).isEqualTo(tree.branchA());
        assertThat(members.get(existing).phone()).isEqualTo("13912345678");
        assertThat(members.get(existing).name()).as("never changed by an upload").isEqualTo("测试成员");
        assertThat(jdbc.queryForObject("SELECT version FROM member WHERE id_number = ?", Long.class, existing))
                .isEqualTo(versionBefore + 1);
        assertThat(jdbc.queryForMap("SELECT status, registered, version FROM member WHERE id_number = ?", newOne))
                .containsEntry("status", "ACTIVE").containsEntry("registered", false).containsEntry("version", 0L);
        assertThat(jdbc.queryForObject("SELECT registered FROM member WHERE id_number = ?", Boolean.class, existing))
                .as("an adjustment never changes the registration").isTrue();
        assertThat(api.get("/api/imports/" + instance.getBusinessKey(), uploader).json().path("status").asText())
                .isEqualTo("APPLIED");
        assertThat(notifications.countByDedupKeyPrefix("upload:" + instance.getBusinessKey() + ":APPLIED")).isEqualTo(1);
    }

    @Test
    void rejectedUploadChangesNothingAndNeedsAComment() {
        String newOne = IdNumbers.next(LocalDate.of(2002, 6, 7));
        ProcessInstance instance = upload(List.of(Workbooks.member("李四", newOne, tree.branchA(), "13812345678")));
        execute(job());
        String decision = "/api/imports/" + instance.getBusinessKey() + "/decision";
        assertThat(api.post(decision, "{\"approved\": false}", reviewer).code()).isEqualTo("E_COMMENT_REQUIRED");
        assertThat(api.post(decision, "{\"approved\": false, \"comment\": \"请核对学历\"}", reviewer).status()).isEqualTo(200);
        assertThat(instance).isWaitingAt("notifySubmitter");
        execute(job());
        assertThat(instance).isEnded().hasNotPassed("applyUpload");
        assertThat(register.findByIdNumbers(List.of(newOne))).isEmpty();
        assertThat(api.get("/api/imports/" + instance.getBusinessKey(), uploader).json().path("comment").asText())
                .isEqualTo("请核对学历");
        assertThat(api.post(decision, "{\"approved\": true}", reviewer).code()).isEqualTo("NO_OPEN_REVIEW");
    }

    @Test
    void aFileWithoutAnyApplicableRowNeedsNoReview() {
        ProcessInstance instance = upload(List.of(
                Workbooks.member("王五", "110105194912310021", tree.branchA(), "13812345678")));
        execute(job());
        assertThat(instance).isWaitingAt("notifySubmitter").variables().containsEntry("parseResult", "NOTHING_TO_APPLY")
                .containsEntry("countRejected", 1);
        execute(job());
        assertThat(instance).isEnded().hasNotPassed("reviewUpload");
        assertThat(api.get("/api/imports/" + instance.getBusinessKey(), uploader).json().path("status").asText())
                .isEqualTo("NOTHING_TO_APPLY");
    }

    @Test
    void aFileThatIsNoSpreadsheetFailsWithItsCode() {
        byte[] valid = Workbooks.xlsx(Workbooks.HEADERS, List.of());
        byte[] truncated = java.util.Arrays.copyOf(valid, valid.length / 2);
        ProcessInstance instance = upload("broken.xlsx", truncated);
        execute(job());
        assertThat(instance).isWaitingAt("notifySubmitter").variables().containsEntry("parseResult", "FAILED")
                .containsEntry("failureCode", "F_NOT_SPREADSHEET");
        execute(job());
        assertThat(instance).isEnded().hasNotPassed("reviewUpload");
        Api.Response status = api.get("/api/imports/" + instance.getBusinessKey(), uploader);
        assertThat(status.json().path("failureCode").asText()).isEqualTo("F_NOT_SPREADSHEET");
        assertThat(status.json().path("failureMessage").asText()).isNotBlank();
    }

    @Test
    void reviewersAreRemindedAfterThreeDaysAndTheLevelAboveJoinsAfterSeven() {
        ProcessInstance instance = upload(List.of(
                Workbooks.member("赵六", IdNumbers.next(LocalDate.of(2003, 1, 2)), tree.branchA(), "13812345678")));
        execute(job());
        assertThat(instance).isWaitingAt("reviewUpload");
        Job reminder = timer(instance, "reviewReminder");
        Job escalation = timer(instance, "reviewEscalation");
        assertThat(reminder.getDuedate().toInstant()).isEqualTo(UPLOADED_AT.plus(Duration.ofDays(3)));
        assertThat(escalation.getDuedate().toInstant()).isEqualTo(UPLOADED_AT.plus(Duration.ofDays(7)));
        assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).executable().count()).isZero();

        ClockUtil.setCurrentTime(Date.from(UPLOADED_AT.plus(Duration.ofDays(3)).plusSeconds(60)));
        assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).executable().count()).isEqualTo(1);
        execute(reminder);
        assertThat(instance).isWaitingAt("reviewUpload").hasPassed("remindReviewers");
        assertThat(notifications.countByDedupKeyPrefix("upload:" + instance.getBusinessKey() + ":reminder")).isEqualTo(1);

        ClockUtil.setCurrentTime(Date.from(UPLOADED_AT.plus(Duration.ofDays(7)).plusSeconds(60)));
        execute(escalation);
        String escalationGroup = Groups.reviewersOf(fixtures.cityCode());
        assertThat(instance).isWaitingAt("reviewUpload").hasPassed("escalateReview").task()
                .hasCandidateGroup(Groups.reviewersOf(tree.districtA())).hasCandidateGroup(escalationGroup);
        assertThat(notifications.countByDedupKeyPrefix("upload:" + instance.getBusinessKey() + ":escalation")).isEqualTo(1);

        Api.Response decided = api.post("/api/imports/" + instance.getBusinessKey() + "/decision",
                "{\"approved\": true}", fixtures.user(escalationGroup));
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        assertThat(instance).isWaitingAt("applyUpload");
    }

    @Test
    void theUploaderCanNeverReviewTheirOwnUpload() {
        Api.Login both = fixtures.user(Groups.adminsOf(tree.streetA()), Groups.reviewersOf(tree.districtA()));
        ProcessInstance instance = upload("members.xlsx", Workbooks.xlsx(Workbooks.HEADERS, List.of(
                Workbooks.member("孙七", IdNumbers.next(LocalDate.of(2004, 5, 6)), tree.branchA(), "13812345678"))), both);
        execute(job());
        Api.Response refused = api.post("/api/imports/" + instance.getBusinessKey() + "/decision",
                "{\"approved\": true}", both);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("SELF_REVIEW");

        // The engine itself refuses, whatever the client: as Tasklist would complete or claim it.
        String taskId = task(instance).getId();
        identityService.setAuthentication(both.userId(), List.of(Groups.reviewersOf(tree.districtA())));
        try {
            assertThatThrownBy(() -> taskService.complete(taskId, Map.of("approved", true)))
                    .isInstanceOf(ProcessEngineException.class).hasMessageContaining("不能审核自己上传的文件");
            assertThatThrownBy(() -> taskService.claim(taskId, both.userId())).isInstanceOf(ProcessEngineException.class);
        } finally {
            identityService.clearAuthentication();
        }
        assertThat(instance).isWaitingAt("reviewUpload");
        assertThat(api.post("/api/imports/" + instance.getBusinessKey() + "/decision", "{\"approved\": true}",
                fixtures.adminOf(tree.districtB())).status()).isEqualTo(403);
    }

    @Test
    void theSameFileAgainAfterItWasAppliedChangesNothing() {
        byte[] file = Workbooks.xlsx(Workbooks.HEADERS, List.of(
                Workbooks.member("周八", IdNumbers.next(LocalDate.of(2000, 8, 9)), tree.branchA(), "13812345678"),
                Workbooks.member("吴九", IdNumbers.next(LocalDate.of(2000, 9, 10)), tree.branchA(), "13812345679")));
        ProcessInstance first = upload("same.xlsx", file);
        execute(job());
        api.post("/api/imports/" + first.getBusinessKey() + "/decision", "{\"approved\": true}", reviewer);
        execute(job());
        execute(job());
        assertThat(first).isEnded();

        ProcessInstance second = upload("same.xlsx", file);
        execute(job());
        assertThat(second).variables().containsEntry("countUnchanged", 2).containsEntry("countNew", 0)
                .containsEntry("parseResult", "NOTHING_TO_APPLY");
    }

    @Test
    void aTransferredOutMemberUploadedAgainIsReactivatedInTheNewOrganisation() {
        String gone = fixtures.member(tree.districtB());
        jdbc.update("UPDATE member SET status = 'TRANSFERRED_OUT', transfer_reason = 'LEFT_ORG', transferred_out_at = ? "
                + "WHERE id_number = ?", java.sql.Timestamp.from(UPLOADED_AT), gone);
        ProcessInstance instance = upload(List.of(Workbooks.member("测试成员", gone, tree.branchA(), "13812345678")));
        execute(job());
        assertThat(instance).variables().containsEntry("countReactivated", 1);
        api.post("/api/imports/" + instance.getBusinessKey() + "/decision", "{\"approved\": true}", reviewer);
        execute(job());
        RegisteredMember member = register.findByIdNumbers(List.of(gone)).get(gone);
        assertThat(member.status()).isEqualTo(cn.tuanwu.member.MemberStatus.ACTIVE);
        assertThat(member.orgCode()).isEqualTo(tree.branchA());
        assertThat(jdbc.queryForObject("SELECT transfer_reason FROM member WHERE id_number = ?", String.class, gone)).isNull();
    }

    @Test
    void aPersonAddedToTheRegisterDuringTheReviewIsNotAddedTwice() {
        String newOne = IdNumbers.next(LocalDate.of(2001, 2, 3));
        String racer = IdNumbers.next(LocalDate.of(2001, 2, 4));
        ProcessInstance instance = upload(List.of(
                Workbooks.member("郑一", newOne, tree.branchA(), "13812345678"),
                Workbooks.member("王二", racer, tree.branchA(), "13812345679")));
        execute(job());
        assertThat(instance).variables().containsEntry("countNew", 2);
        // Another upload (or anyone) adds one of them while this one waits for its review.
        register.addAll(List.of(new cn.tuanwu.member.NewMember(cn.tuanwu.shared.IdNumber.trusted(racer), "王二", "汉族",
                cn.tuanwu.member.PoliticalStatus.LEAGUE_MEMBER, cn.tuanwu.member.Education.BACHELOR,
                java.time.YearMonth.of(2016, 5), "13700000000", tree.branchA(), cn.tuanwu.member.MemberCategory.LEAGUE_MEMBER,
                null, cn.tuanwu.member.EntryType.SUPPLEMENT, null)));
        api.post("/api/imports/" + instance.getBusinessKey() + "/decision", "{\"approved\": true}", reviewer);
        execute(job());

        Map<String, RegisteredMember> members = register.findByIdNumbers(List.of(newOne, racer));
        assertThat(members.get(newOne).name()).isEqualTo("郑一");
        assertThat(members.get(racer).phone()).as("the register's version stays").isEqualTo("13700000000");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM member WHERE id_number = ?", Integer.class, racer)).isEqualTo(1);
        com.fasterxml.jackson.databind.JsonNode upload = api.get("/api/imports/" + instance.getBusinessKey(), uploader).json();
        assertThat(upload.path("status").asText()).isEqualTo("APPLIED");
        assertThat(upload.toString()).contains("\"REJECTED\":1").contains("\"NEW\":1");
        com.fasterxml.jackson.databind.JsonNode rejected = api.get("/api/imports/" + instance.getBusinessKey()
                + "/rows?outcome=REJECTED", uploader).json().path("content");
        assertThat(rejected).hasSize(1);
        assertThat(rejected.get(0).path("row").asInt()).isEqualTo(3);
        assertThat(rejected.get(0).toString()).contains("E_REGISTER_CHANGED");
    }

    @Test
    void anUploadOutsideTheOrganisationsWindowIsLate() {
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-10T02:00:00Z")));
        ProcessInstance instance = upload(List.of(
                Workbooks.member("冯十", IdNumbers.next(LocalDate.of(2001, 7, 8)), tree.branchA(), "13812345678")));
        execute(job());
        assertThat(instance).isWaitingAt("reviewUpload").variables().containsEntry("late", true);
        assertThat(api.get("/api/imports/" + instance.getBusinessKey(), uploader).json().path("late").asBoolean()).isTrue();
    }

    private ProcessInstance upload(List<List<Object>> rows) {
        return upload("members.xlsx", Workbooks.xlsx(Workbooks.HEADERS, rows));
    }

    private ProcessInstance upload(String name, byte[] content) {
        return upload(name, content, uploader);
    }

    private ProcessInstance upload(String name, byte[] content, Api.Login login) {
        Api.Response accepted = api.upload("/api/imports?orgCode=" + tree.streetA(), name, content, login);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        assertThat(accepted.json().path("status").asText()).isEqualTo("VALIDATING");
        ProcessInstance instance = runtimeService.createProcessInstanceQuery()
                .processInstanceId(accepted.json().path("processInstanceId").asText()).singleResult();
        assertThat(instance).isStarted().isWaitingAt("parseUpload");
        assertThat(instance.getBusinessKey()).isEqualTo(accepted.json().path("id").asText());
        return instance;
    }

    private Job timer(ProcessInstance instance, String activityId) {
        return managementService.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).singleResult();
    }
}
