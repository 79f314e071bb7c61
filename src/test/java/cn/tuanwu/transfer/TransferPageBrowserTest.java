package cn.tuanwu.transfer;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tuanwu.identity.Groups;
import cn.tuanwu.member.MemberCategory;
import cn.tuanwu.support.Api;
import cn.tuanwu.support.Chromium;
import cn.tuanwu.support.LogIn;
import cn.tuanwu.support.TestFixtures;
import cn.tuanwu.support.TuanwuTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Page;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** An organisation admin transfers members out on /app/transfer: ticked ones for review, all over-age ones at once. */
@TuanwuTest
@Tag("browser")
@ExtendWith(Chromium.class)
class TransferPageBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    TestFixtures fixtures;
    @Autowired
    ManagementService managementService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;
    TestFixtures.Tree tree;
    Api.Login admin;
    LocalDate today;

    @BeforeEach
    void setUp() {
        tree = fixtures.tree();
        admin = fixtures.adminOf(tree.districtA());
        today = LocalDate.now(clock);
    }

    @Test
    void twoTickedMembersWaitForReviewAndLeaveOnceApproved(Page page) {
        long wang = memberId(fixtures.member(tree.branchA(), "王晓明", today.minusYears(24), MemberCategory.LEAGUE_MEMBER));
        long li = memberId(fixtures.member(tree.streetA(), "李小红", today.minusYears(22), MemberCategory.LEAGUE_MEMBER));
        long zhang = memberId(fixtures.member(tree.branchA(), "张丽", today.minusYears(20), MemberCategory.LEAGUE_MEMBER));

        openThePage(page);
        assertThat(page.locator("#members-table tbody tr")).hasCount(3);
        assertThat(page.locator("#members-message")).containsText("共 3 名在册团员");
        assertThat(page.locator("tr[data-member-id='" + wang + "']")).containsText("测试甲区某街道第一团支部");
        assertThat(page.locator("#transfer-button")).isDisabled();

        // Found by name, ticked; the tick stays while the admin searches for the next one.
        page.locator("#name-query").fill("晓明");
        page.locator("#search-button").click();
        assertThat(page.locator("#members-table tbody tr")).hasCount(1);
        page.locator("#member-" + wang).check();
        page.locator("#name-query").fill("");
        page.locator("#search-button").click();
        assertThat(page.locator("#members-table tbody tr")).hasCount(3);
        assertThat(page.locator("#member-" + wang)).isChecked();
        page.locator("#member-" + li).check();
        assertThat(page.locator("#selected-count")).containsText("已勾选 2 人");

        // No reason, then 其他 without a note: the API refuses and the page says what to fill in.
        page.locator("#transfer-button").click();
        assertThat(page.locator("#transfer-message")).containsText("请选择转出原因");
        assertThat(page.locator("#transfer-message")).containsText("LEFT_ORG 离开本组织");
        assertThat(page.locator("#reason-fieldset")).hasAttribute("aria-invalid", "true");
        page.locator("input[name='reason'][value='OTHER']").check();
        assertThat(page.locator("#note-label")).hasText("说明（必填）");
        page.locator("#transfer-button").click();
        assertThat(page.locator("#transfer-message")).containsText("请填写说明");
        assertThat(page.locator("#note")).hasAttribute("aria-invalid", "true");
        assertThat(page.locator("#transfer-result")).isHidden();

        page.locator("input[name='reason'][value='LEFT_ORG']").check();
        assertThat(page.locator("#note")).not().hasAttribute("aria-invalid", "true");
        page.locator("#members-fieldset").evaluate("fieldset => fieldset.scrollIntoView()");
        Chromium.screenshot(page, "40-transfer-page");
        page.locator("#transfer-button").click();
        assertThat(page.locator("#transfer-status")).hasText("待审核");
        assertThat(page.locator("#transfer-count")).hasText("2 人");
        assertThat(page.locator("#transfer-reason")).hasText("离开本组织");
        assertThat(page.locator("#transfer-decision")).hasText("等待审核");
        assertThat(page.locator("#selected-count")).hasText("尚未勾选团员");
        page.locator("#transfer-result").scrollIntoViewIfNeeded();
        Chromium.screenshot(page, "41-transfer-awaiting-review");

        String transferId = transferIdOf(page);
        Api api = new Api(port);
        JsonNode transfer = api.get("/api/transfer-outs/" + transferId, admin).json();
        assertThat(transfer.path("status").asText()).isEqualTo("AWAITING_REVIEW");
        assertThat(transfer.path("reason").asText()).isEqualTo("LEFT_ORG");
        assertThat(api.get("/api/transfer-outs/" + transferId + "/members", admin).json().findValues("id").stream()
                .map(JsonNode::asLong).toList()).containsExactlyInAnyOrder(wang, li);

        // The level above approves; the page, still polling, shows the members gone.
        Api.Response decided = api.post("/api/transfer-outs/" + transferId + "/decision", "{\"approved\": true}",
                fixtures.user(Groups.reviewersOf(fixtures.cityCode())));
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        runJobs(transferId);
        assertThat(page.locator("#transfer-status")).hasText("已转出");
        assertThat(List.of(status(wang), status(li))).containsOnly("TRANSFERRED_OUT");
        assertThat(status(zhang)).isEqualTo("ACTIVE");
        assertThat(page.locator("#members-table tbody tr")).hasCount(1);
    }

    @Test
    void oneClickTransfersEveryOverAgeMemberAtOnceAfterConfirmingTheCount(Page page) {
        long thirty = memberId(fixtures.member(tree.branchA(), "赵大伟", today.minusYears(30), MemberCategory.LEAGUE_MEMBER));
        long twentyEight = memberId(fixtures.member(tree.streetA(), "钱建国", today.minusYears(28),
                MemberCategory.LEAGUE_MEMBER));
        long young = memberId(fixtures.member(tree.branchA(), "孙小美", today.minusYears(27), MemberCategory.LEAGUE_MEMBER));
        long cadre = memberId(fixtures.member(tree.branchA(), "周书记", today.minusYears(32), MemberCategory.LEAGUE_CADRE));

        openThePage(page);
        page.locator("#over-age-only").check();
        assertThat(page.locator("#members-table tbody tr")).hasCount(2);
        assertThat(page.locator("#members-table tbody tr[data-over-age='true']")).hasCount(2);
        assertThat(page.locator("#members-table")).containsText("赵大伟");
        assertThat(page.locator("#members-table")).not().containsText("周书记");

        page.locator("#over-age-button").click();
        assertThat(page.locator("#over-age-confirm")).isVisible();
        assertThat(page.locator("#over-age-question")).containsText("2 名年满 28 周岁的团员");
        page.locator("#over-age-section").scrollIntoViewIfNeeded();
        Chromium.screenshot(page, "42-transfer-over-age-confirm");

        page.locator("#over-age-confirm-button").click();
        assertThat(page.locator("#transfer-reason")).hasText("超龄");
        assertThat(page.locator("#transfer-count")).hasText("2 人");
        String transferId = transferIdOf(page);
        // Over-age transfers are decided by rule: no review task, only the apply job.
        assertThat(managementService.createJobQuery().processInstanceId(instance(transferId).getId()).count())
                .isEqualTo(1);
        runJobs(transferId);
        assertThat(page.locator("#transfer-status")).hasText("已转出");
        assertThat(page.locator("#transfer-decision")).hasText("按规则（超龄）无需审核");
        assertThat(page.locator("#members-message")).hasText("没有符合条件的在册团员。");
        page.locator("#transfer-result").scrollIntoViewIfNeeded();
        Chromium.screenshot(page, "43-transfer-over-age-applied");

        assertThat(List.of(status(thirty), status(twentyEight))).containsOnly("TRANSFERRED_OUT");
        assertThat(List.of(status(young), status(cadre))).containsOnly("ACTIVE");
    }

    @Test
    void membersThatCannotGoAreNamedAndCanBeDroppedFromTheTicks(Page page) {
        long old = memberId(fixtures.member(tree.branchA(), "吴老大", today.minusYears(29), MemberCategory.LEAGUE_MEMBER));
        long young = memberId(fixtures.member(tree.branchA(), "郑小妹", today.minusYears(21), MemberCategory.LEAGUE_MEMBER));

        openThePage(page);
        page.locator("#member-" + old).check();
        page.locator("#member-" + young).check();
        page.locator("input[name='reason'][value='OVER_AGE']").check();
        page.locator("#transfer-button").click();

        assertThat(page.locator("#transfer-message")).containsText("1 名团员不能转出");
        assertThat(page.locator("#transfer-refusals li")).hasCount(1);
        assertThat(page.locator("#transfer-refusals li")).containsText("郑小妹");
        assertThat(page.locator("#transfer-refusals li")).containsText("未满 28 周岁");
        page.locator("#drop-refused").click();
        assertThat(page.locator("#member-" + young)).not().isChecked();
        assertThat(page.locator("#selected-count")).containsText("已勾选 1 人");
        page.locator("#transfer-button").click();
        assertThat(page.locator("#transfer-count")).hasText("1 人");
        runJobs(transferIdOf(page));
        assertThat(page.locator("#transfer-status")).hasText("已转出");
        assertThat(status(old)).isEqualTo("TRANSFERRED_OUT");
        assertThat(status(young)).isEqualTo("ACTIVE");
    }

    @Test
    void ticksStayAcrossPagesAndAWholePageIsTickedAtOnce(Page page) {
        for (int i = 1; i <= 22; i++) {
            fixtures.member(tree.branchA(), String.format("成员%02d", i), today.minusYears(20), MemberCategory.LEAGUE_MEMBER);
        }

        openThePage(page);
        assertThat(page.locator("#members-table tbody tr")).hasCount(20);
        assertThat(page.locator("#page-info")).hasText("第 1 / 2 页");
        assertThat(page.locator("#previous-page")).isDisabled();
        page.locator("#members-table tbody tr").first().locator("input[type='checkbox']").check();
        page.locator("#next-page").click();
        assertThat(page.locator("#page-info")).hasText("第 2 / 2 页");
        assertThat(page.locator("#members-table tbody tr")).hasCount(2);
        assertThat(page.locator("#next-page")).isDisabled();
        page.locator("#members-table tbody tr").last().locator("input[type='checkbox']").check();
        assertThat(page.locator("#selected-count")).containsText("已勾选 2 人");

        page.locator("#previous-page").click();
        assertThat(page.locator("#page-info")).hasText("第 1 / 2 页");
        assertThat(page.locator("#members-table tbody tr").first().locator("input[type='checkbox']")).isChecked();
        page.locator("#select-page").check();
        assertThat(page.locator("#selected-count")).containsText("已勾选 21 人");
        page.locator("input[name='reason'][value='LEFT_ORG']").check();
        page.locator("#transfer-button").click();
        assertThat(page.locator("#transfer-count")).hasText("21 人");
        assertThat(page.locator("#transfer-status")).hasText("待审核");
    }

    /** Logs in and opens the page; the admin's only organisation is chosen already. */
    private void openThePage(Page page) {
        LogIn.toPages(page, admin, "upload");
        page.locator("#nav-transfer").click();
        assertThat(page.locator("h1")).hasText("人员转出");
        assertThat(page.locator("#org-select")).hasValue(tree.districtA());
        assertThat(page.locator("#org-chosen")).containsText(tree.districtA());
    }

    /** The page puts the transfer's id into its address once the transfer is accepted. */
    private static String transferIdOf(Page page) {
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*[?&]id=.*"));
        String query = URI.create(page.url()).getQuery();
        return query.substring(query.indexOf("id=") + "id=".length());
    }

    private ProcessInstance instance(String transferId) {
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(transferId)
                .processDefinitionKey("transfer-out").singleResult();
    }

    /** The job executor is off in tests: the test runs the apply and notify jobs until the process ends. */
    private void runJobs(String transferId) {
        ProcessInstance instance = instance(transferId);
        for (int i = 0; i < 5 && instance != null; i++) {
            List<Job> jobs = managementService.createJobQuery().processInstanceId(instance.getId()).list();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(job -> managementService.executeJob(job.getId()));
        }
    }

    private String status(long id) {
        return jdbc.queryForObject("SELECT status FROM member WHERE id = ?", String.class, id);
    }

    private long memberId(String idNumber) {
        return jdbc.queryForObject("SELECT id FROM member WHERE id_number = ?", Long.class, idNumber);
    }
}
