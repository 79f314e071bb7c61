package cn.tuanwu.upload;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tuanwu.identity.Groups;
import cn.tuanwu.support.Api;
import cn.tuanwu.support.Chromium;
import cn.tuanwu.support.IdNumbers;
import cn.tuanwu.support.LogIn;
import cn.tuanwu.support.TestFixtures;
import cn.tuanwu.support.TuanwuTest;
import cn.tuanwu.support.Workbooks;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A reviewer approves an upload in Tasklist, through the filter 我的审核 and the Camunda Form review-upload.form. */
@TuanwuTest
@Tag("browser")
@ExtendWith(Chromium.class)
class ReviewInTasklistBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    TestFixtures fixtures;
    @Autowired
    ManagementService managementService;
    @Autowired
    TaskService taskService;

    @Test
    void theReviewerApprovesAnUploadInTasklist(Page page) {
        Api api = new Api(port);
        TestFixtures.Tree tree = fixtures.tree();
        Api.Login admin = fixtures.adminOf(tree.districtA());
        Api.Login reviewer = fixtures.user(Groups.reviewersOf(tree.districtA()));
        byte[] file = Workbooks.xlsx(Workbooks.HEADERS, List.of(
                Workbooks.member("测试甲", IdNumbers.next(LocalDate.of(2001, 3, 4)), tree.branchA(), "13800000001"),
                Workbooks.member("测试乙", IdNumbers.next(LocalDate.of(2002, 4, 5)), tree.branchA(), "13800000002")));
        Api.Response accepted = api.upload("/api/imports?orgCode=" + tree.streetA(), "团员信息.xlsx", file, admin);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        String uploadId = accepted.json().path("id").asText();
        String processInstanceId = accepted.json().path("processInstanceId").asText();
        runJob(processInstanceId);
        assertThat(api.get("/api/imports/" + uploadId, admin).json().path("status").asText()).isEqualTo("AWAITING_REVIEW");
        String taskName = "审核导入：" + tree.streetA() + " 团员信息.xlsx";

        LogIn.toWebapp(page, "tasklist", reviewer);
        page.getByText("我的审核").first().click();
        Locator listed = page.locator(".tasks-list").getByText(taskName);
        assertThat(listed).isVisible();
        Chromium.screenshot(page, "20-tasklist-my-reviews");

        listed.click();
        Locator form = page.locator(".fjs-container");
        assertThat(form.getByText("请核对下列统计")).isVisible();
        assertThat(form.getByLabel("上传组织编码")).hasValue(tree.streetA());
        assertThat(form.getByLabel("文件名")).hasValue("团员信息.xlsx");
        assertThat(form.getByLabel("新增")).hasValue("2");
        assertThat(form.getByLabel("更新")).hasValue("0");
        assertThat(form.getByLabel("拒绝（不会写入）")).hasValue("0");
        Chromium.screenshot(page, "21-tasklist-review-form");

        page.getByRole(AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("认领")).click();
        form.getByLabel("通过", new Locator.GetByLabelOptions().setExact(true)).check();
        form.getByLabel("说明（不通过时必填）").fill("已核对，同意写入");
        Locator complete = page.getByRole(AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("完成").setExact(true));
        assertThat(complete).isEnabled();
        form.scrollIntoViewIfNeeded();
        complete.scrollIntoViewIfNeeded();
        Chromium.screenshot(page, "22-tasklist-approve");
        complete.click();
        assertThat(page.locator(".tasks-list").getByText(taskName)).hasCount(0);

        String status = api.get("/api/imports/" + uploadId, admin).json().path("status").asText();
        assertThat(status).isEqualTo("APPLYING");
        assertThat(api.get("/api/imports/" + uploadId, admin).json().path("decidedBy").asText()).isEqualTo(reviewer.userId());
        assertThat(taskService.createTaskQuery().processInstanceId(processInstanceId).count()).isZero();
        assertThat(managementService.createJobQuery().processInstanceId(processInstanceId).activityId("applyUpload").count())
                .as("the apply job waits").isEqualTo(1);
        runJob(processInstanceId);
        runJob(processInstanceId);
        assertThat(api.get("/api/imports/" + uploadId, admin).json().path("status").asText()).isEqualTo("APPLIED");
    }

    private void runJob(String processInstanceId) {
        Job job = managementService.createJobQuery().processInstanceId(processInstanceId).singleResult();
        managementService.executeJob(job.getId());
    }
}
