package cn.tuanwu.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import cn.tuanwu.identity.Groups;
import cn.tuanwu.member.MemberCategory;
import cn.tuanwu.support.Api;
import cn.tuanwu.support.TestFixtures;
import cn.tuanwu.support.TuanwuTest;
import cn.tuanwu.support.Workbooks;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The transfer-out API's checks: every member that cannot go is named, and then nobody goes. */
@TuanwuTest
class TransferApiTest {

    /** 10:00 in Shanghai on 10 September 2026. */
    private static final Instant NOW = Instant.parse("2026-09-10T02:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 9, 10);

    @LocalServerPort
    int port;
    @Autowired
    TestFixtures fixtures;
    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    JdbcTemplate jdbc;

    Api api;
    TestFixtures.Tree tree;
    Api.Login admin;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        ClockUtil.setCurrentTime(Date.from(NOW));
        api = new Api(port);
        tree = fixtures.tree();
        admin = fixtures.adminOf(tree.districtA());
    }

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void anOrganisationOutsideTheCallersScopeIsRefused() {
        long id = memberId(fixtures.member(tree.districtB()));
        Api.Response refused = api.post("/api/transfer-outs", body(tree.districtB(), "LEFT_ORG", null, id), admin);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("OUT_OF_SCOPE");
        Api.Response reviewerOnly = api.post("/api/transfer-outs", body(tree.branchA(), "LEFT_ORG", null, id),
                fixtures.user(Groups.reviewersOf(tree.districtA())));
        assertThat(reviewerOnly.status()).isEqualTo(403);
        assertThat(status(id)).isEqualTo("ACTIVE");
    }

    @Test
    void aMemberOfAnotherDistrictIsNamedAndNobodyIsTransferred() {
        long ours = memberId(fixtures.member(tree.branchA()));
        long theirs = memberId(fixtures.member(tree.districtB()));
        Api.Response refused = api.post("/api/transfer-outs", body(tree.districtA(), "LEFT_ORG", null, ours, theirs,
                99_999_999L), admin);
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("E_TRANSFER_INVALID");
        JsonNode members = refused.json().path("members");
        assertThat(members).hasSize(2);
        assertThat(members.get(0).path("id").asLong()).isEqualTo(theirs);
        assertThat(members.get(0).path("code").asText()).isEqualTo("E_OUT_OF_SCOPE");
        assertThat(members.get(0).path("idNumberMasked").asText()).contains("*");
        assertThat(members.get(0).path("message").asText()).contains("不在所选团组织");
        assertThat(members.get(1).path("code").asText()).isEqualTo("E_NOT_FOUND");
        assertThat(members.get(1).path("message").asText()).contains("登记库中没有");
        assertThat(refused.body()).doesNotContain("测试成员");
        assertThat(status(ours)).isEqualTo("ACTIVE");
        assertThat(status(theirs)).isEqualTo("ACTIVE");
        assertThat(transfersOf(tree.districtA())).isZero();
    }

    @Test
    void overAgeNeedsTwentyEightAndNoLeaguePost() {
        long old = memberId(fixtures.member(tree.branchA(), TODAY.minusYears(30), MemberCategory.LEAGUE_MEMBER));
        long young = memberId(fixtures.member(tree.branchA(), TODAY.minusYears(28).plusDays(1),
                MemberCategory.LEAGUE_MEMBER));
        long cadre = memberId(fixtures.member(tree.branchA(), TODAY.minusYears(35), MemberCategory.LEAGUE_CADRE));
        Api.Response refused = api.post("/api/transfer-outs", body(tree.districtA(), "OVER_AGE", null, old, young,
                cadre), admin);
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("E_TRANSFER_INVALID");
        assertThat(refused.json().path("members").findValues("code").stream().map(JsonNode::asText).toList())
                .containsExactly("E_NOT_OVER_AGE", "E_CADRE_EXEMPT");
        assertThat(refused.json().path("members").findValues("message").stream().map(JsonNode::asText).toList())
                .containsExactly("未满 28 周岁，不能按超龄转出；请从名单中去掉，或改选其他转出原因",
                        "是团干部，不按超龄转出；请从名单中去掉，或改选其他转出原因");
        assertThat(refused.json().path("members").findValues("id").stream().map(JsonNode::asLong).toList())
                .containsExactly(young, cadre);
        assertThat(List.of(status(old), status(young), status(cadre))).containsOnly("ACTIVE");
    }

    @Test
    void aMemberAlreadyTransferredOutIsNotActive() {
        long gone = memberId(fixtures.member(tree.branchA()));
        jdbc.update("UPDATE member SET status = 'TRANSFERRED_OUT', transfer_reason = 'LEFT_ORG', "
                + "transferred_out_at = CURRENT_TIMESTAMP WHERE id = ?", gone);
        Api.Response refused = api.post("/api/transfer-outs", body(tree.districtA(), "LEFT_ORG", null, gone), admin);
        assertThat(refused.json().path("members").get(0).path("code").asText()).isEqualTo("E_NOT_ACTIVE");
    }

    @Test
    void otherNeedsANoteAndAnEmptySelectionIsRefused() {
        long id = memberId(fixtures.member(tree.branchA()));
        assertThat(api.post("/api/transfer-outs", body(tree.districtA(), "OTHER", null, id), admin).code())
                .isEqualTo("E_NOTE_REQUIRED");
        assertThat(api.post("/api/transfer-outs", body(tree.districtA(), "OTHER", "  ", id), admin).code())
                .isEqualTo("E_NOTE_REQUIRED");
        assertThat(api.post("/api/transfer-outs", body(tree.districtA(), "LEFT_ORG", null), admin).code())
                .isEqualTo("E_NO_MEMBERS");
        assertThat(api.post("/api/transfer-outs", "{\"orgCode\": \"" + tree.districtA()
                + "\", \"allOverAge\": true, \"reason\": \"LEFT_ORG\"}", admin).status()).isEqualTo(400);
        assertThat(api.post("/api/transfer-outs", "{\"orgCode\": \"" + tree.districtA()
                + "\", \"allOverAge\": true, \"reason\": \"OVER_AGE\"}", admin).code()).isEqualTo("E_NO_MEMBERS");
        assertThat(status(id)).isEqualTo("ACTIVE");
    }

    @Test
    void allOverAgePicksExactlyTheActiveLeagueMembersOfTwentyEightAndOver() {
        long thirty = memberId(fixtures.member(tree.branchA(), TODAY.minusYears(30), MemberCategory.LEAGUE_MEMBER));
        long today = memberId(fixtures.member(tree.streetA(), TODAY.minusYears(28), MemberCategory.LEAGUE_MEMBER));
        long tomorrow = memberId(fixtures.member(tree.branchA(), TODAY.minusYears(28).plusDays(1),
                MemberCategory.LEAGUE_MEMBER));
        long cadre = memberId(fixtures.member(tree.branchA(), TODAY.minusYears(35), MemberCategory.LEAGUE_CADRE));
        long elsewhere = memberId(fixtures.member(tree.districtB(), TODAY.minusYears(30), MemberCategory.LEAGUE_MEMBER));
        Api.Response accepted = api.post("/api/transfer-outs", "{\"orgCode\": \"" + tree.districtA()
                + "\", \"allOverAge\": true, \"reason\": \"OVER_AGE\"}", admin);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        assertThat(accepted.json().path("count").asInt()).isEqualTo(2);
        String transferId = accepted.json().path("id").asText();
        assertThat(jdbc.queryForList("SELECT member_id FROM transfer_member WHERE transfer_id = ? ORDER BY member_id",
                Long.class, transferId)).containsExactlyInAnyOrder(thirty, today);

        ProcessInstance instance = instance(accepted);
        assertThat(instance).isWaitingAt("applyTransfer");
        execute(job());
        execute(job());
        assertThat(instance).isEnded();
        assertThat(List.of(status(thirty), status(today))).containsOnly("TRANSFERRED_OUT");
        assertThat(List.of(status(tomorrow), status(cadre), status(elsewhere))).containsOnly("ACTIVE");
    }

    @Test
    void anUploadByAnotherOrganisationLaterReactivatesATransferredMember() {
        String idNumber = fixtures.member(tree.branchA());
        long id = memberId(idNumber);
        Api.Response accepted = api.post("/api/transfer-outs", body(tree.districtA(), "LEFT_ORG", null, id), admin);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        assertThat(instance(accepted)).isWaitingAt("reviewTransferOut").task()
                .hasCandidateGroup(Groups.reviewersOf(fixtures.cityCode()));
        assertThat(api.post("/api/transfer-outs/" + accepted.json().path("id").asText() + "/decision",
                "{\"approved\": true}", fixtures.user(Groups.reviewersOf(fixtures.cityCode()))).status()).isEqualTo(200);
        execute(job());
        execute(job());
        assertThat(status(id)).isEqualTo("TRANSFERRED_OUT");

        Api.Response uploaded = api.upload("/api/imports?orgCode=" + tree.districtB(), "members.xlsx",
                Workbooks.xlsx(Workbooks.HEADERS, List.of(Workbooks.member("测试成员", idNumber, tree.districtB(),
                        "13812345678"))), fixtures.adminOf(tree.districtB()));
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(202);
        ProcessInstance upload = instance(uploaded);
        assertThat(upload).isWaitingAt("parseUpload");
        execute(job());
        assertThat(upload).isWaitingAt("reviewUpload").variables().containsEntry("countReactivated", 1);
        Api.Response decided = api.post("/api/imports/" + upload.getBusinessKey() + "/decision", "{\"approved\": true}",
                fixtures.user(Groups.reviewersOf(fixtures.cityCode())));
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        execute(job());
        assertThat(status(id)).isEqualTo("ACTIVE");
        assertThat(jdbc.queryForObject("SELECT org_code FROM member WHERE id = ?", String.class, id))
                .isEqualTo(tree.districtB());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM transfer_member WHERE member_id = ?", Integer.class, id))
                .as("the transfer's history stays").isEqualTo(1);
    }

    private ProcessInstance instance(Api.Response accepted) {
        return runtimeService.createProcessInstanceQuery()
                .processInstanceId(accepted.json().path("processInstanceId").asText()).singleResult();
    }

    private static String body(String orgCode, String reason, String note, long... ids) {
        StringBuilder json = new StringBuilder("{\"orgCode\": \"" + orgCode + "\", \"reason\": \"" + reason + "\"");
        if (note != null) {
            json.append(", \"note\": \"").append(note).append("\"");
        }
        json.append(", \"memberIds\": [");
        for (int i = 0; i < ids.length; i++) {
            json.append(i == 0 ? "" : ", ").append(ids[i]);
        }
        return json.append("]}").toString();
    }

    private String status(long id) {
        return jdbc.queryForObject("SELECT status FROM member WHERE id = ?", String.class, id);
    }

    private long memberId(String idNumber) {
        return jdbc.queryForObject("SELECT id FROM member WHERE id_number = ?", Long.class, idNumber);
    }

    private int transfersOf(String orgCode) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM transfer WHERE org_code = ?", Integer.class, orgCode);
    }
}
