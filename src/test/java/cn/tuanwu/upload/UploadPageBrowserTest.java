package cn.tuanwu.upload;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tuanwu.support.Api;
import cn.tuanwu.support.Chromium;
import cn.tuanwu.support.IdNumbers;
import cn.tuanwu.support.LogIn;
import cn.tuanwu.support.TestFixtures;
import cn.tuanwu.support.TuanwuTest;
import cn.tuanwu.support.Workbooks;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.net.URI;
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

/** An organisation admin uploads on /app/upload and follows the upload while the parse job runs. */
@TuanwuTest
@Tag("browser")
@ExtendWith(Chromium.class)
class UploadPageBrowserTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @LocalServerPort
    int port;
    @Autowired
    TestFixtures fixtures;
    @Autowired
    ManagementService managementService;
    @Autowired
    RuntimeService runtimeService;
    TestFixtures.Tree tree;
    Api.Login admin;

    @BeforeEach
    void setUp() {
        tree = fixtures.tree();
        admin = fixtures.adminOf(tree.districtA());
    }

    @Test
    void aFileWithARejectedRowAwaitsReviewAndOffersTheErrorReport(Page page) {
        byte[] file = Workbooks.xlsx(Workbooks.HEADERS, List.of(
                Workbooks.member("测试丙", IdNumbers.next(LocalDate.of(2003, 6, 7)), tree.branchA(), "13800000003"),
                Workbooks.member("测试丁", "110105194912310021", tree.branchA(), "13800000004")));

        LogIn.toPages(page, admin, "upload");
        // The admin's only organisation is chosen already; its street committee is one level down.
        assertThat(page.locator("#org-select")).hasValue(tree.districtA());
        page.locator("#org-select-1").selectOption(tree.streetA());
        assertThat(page.locator("#org-chosen")).containsText(tree.streetA());
        assertThat(page.locator("#upload-button")).isDisabled();
        page.locator("#file-input").setInputFiles(new FilePayload("团员信息.xlsx", XLSX, file));
        assertThat(page.locator("#file-chosen")).containsText("团员信息.xlsx");
        assertThat(page.locator("#file-chosen")).containsText("KB");
        Chromium.screenshot(page, "10-upload-page");

        page.locator("#upload-button").click();
        assertThat(page.locator("#upload-status")).hasText("校验中");
        String uploadId = uploadIdOf(page);
        runParseJob(uploadId);
        // The page polls every two seconds.
        assertThat(page.locator("#upload-status")).hasText("待审核");
        assertThat(page.locator("#upload-counts tr[data-outcome='NEW'] td")).hasText("1");
        assertThat(page.locator("#upload-counts tr[data-outcome='REJECTED'] td")).hasText("1");
        assertThat(page.locator("#upload-decision")).hasText("等待审核");
        assertThat(page.locator("#upload-message")).isEmpty();
        assertThat(page.locator("#error-report-link")).isVisible();
        page.locator("#upload-result").scrollIntoViewIfNeeded();
        Chromium.screenshot(page, "11-upload-awaiting-review");

        Download report = page.waitForDownload(() -> page.locator("#error-report-link").click());
        assertThat(report.failure()).isNull();
        assertThat(report.suggestedFilename()).endsWith(".xlsx");
        assertThat(new Api(port).get("/api/imports/" + uploadId, admin).json().path("status").asText())
                .isEqualTo("AWAITING_REVIEW");
    }

    @Test
    void aFileWithoutTheRequiredColumnsFailsAndSaysWhy(Page page) {
        byte[] file = Workbooks.xlsx(List.of("身份证号", "手机号码"),
                List.of(List.of(IdNumbers.next(LocalDate.of(2003, 8, 9)), "13800000005")));

        LogIn.toPages(page, admin, "upload");
        assertThat(page.locator("#org-select")).hasValue(tree.districtA());
        page.locator("#file-input").setInputFiles(new FilePayload("缺列.xlsx", XLSX, file));
        page.locator("#upload-button").click();
        assertThat(page.locator("#upload-status")).hasText("校验中");
        runParseJob(uploadIdOf(page));

        assertThat(page.locator("#upload-status")).hasText("失败");
        assertThat(page.locator("#upload-failure")).isVisible();
        assertThat(page.locator("#upload-failure")).containsText("F_MISSING_COLUMNS");
        assertThat(page.locator("#upload-failure")).containsText("姓名");
        assertThat(page.locator("#error-report-link")).isHidden();
        page.locator("#upload-result").scrollIntoViewIfNeeded();
        Chromium.screenshot(page, "12-upload-failed");
    }

    /** The page puts the upload's id into its address once the upload is accepted. */
    private static String uploadIdOf(Page page) {
        String query = URI.create(page.url()).getQuery();
        assertThat(query).as(page.url()).startsWith("id=");
        return query.substring("id=".length());
    }

    /** The job executor is off in tests: the test is the job executor. */
    private void runParseJob(String uploadId) {
        ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(uploadId)
                .processDefinitionKey("member-import").singleResult();
        Job job = managementService.createJobQuery().processInstanceId(instance.getId()).singleResult();
        managementService.executeJob(job.getId());
    }
}
