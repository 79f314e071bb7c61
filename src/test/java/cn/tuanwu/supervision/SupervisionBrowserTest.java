package cn.tuanwu.supervision;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tuanwu.organisation.Category;
import cn.tuanwu.organisation.Organisations;
import cn.tuanwu.organisation.Organisations.NewOrganisation;
import cn.tuanwu.support.Api;
import cn.tuanwu.support.Chromium;
import cn.tuanwu.support.LogIn;
import cn.tuanwu.support.TestFixtures;
import cn.tuanwu.support.TuanwuTest;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A city supervisor watches a campaign: on the dashboard (an August organisation that submitted nothing is
 * escalated when its window closes), filtered by category, and in Cockpit (that organisation's org-supervision).
 */
@TuanwuTest
@Tag("browser")
@ExtendWith(Chromium.class)
class SupervisionBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    TestFixtures fixtures;
    @Autowired
    Organisations organisations;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void theSupervisorSeesAnEscalatedOrganisationOnTheDashboardAndInCockpit(Page page) {
        int year = CampaignYears.free(jdbc, 1);
        String escalated = TestFixtures.unique("BS");
        String district = TestFixtures.unique("BD");
        organisations.create(List.of(
                new NewOrganisation(escalated, "浏览器测试大口团工委", fixtures.cityCode(), Category.SECTOR, null),
                new NewOrganisation(escalated + "A", "浏览器测试大口甲团委", escalated, null, null),
                new NewOrganisation(district, "浏览器测试区团委", fixtures.cityCode(), Category.DISTRICT, null)));
        Api.Login supervisor = fixtures.supervisor();

        // 20 July: the campaign starts one org-supervision per top-level organisation.
        ClockUtil.setCurrentTime(Date.from(Instant.parse(year + "-07-20T02:00:00Z")));
        Api.Response started = new Api(port).post("/api/campaigns", "{\"year\": " + year + "}", supervisor);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String campaignId = started.json().path("processInstanceId").asText();
        runDue(Set.of(campaignId), true);
        ProcessInstance escalatedSupervision = supervision(year, escalated);
        ProcessInstance districtSupervision = supervision(year, district);
        // 1 September 00:00 in Shanghai: August closes with nothing submitted → level 1; September opens.
        ClockUtil.setCurrentTime(Date.from(Instant.parse(year + "-08-31T16:00:00Z")));
        runDue(Set.of(escalatedSupervision.getId(), districtSupervision.getId()), false);
        assertThat(jdbc.queryForObject("SELECT state FROM supervision WHERE campaign_year = ? AND org_code = ?",
                String.class, year, escalated)).isEqualTo("ESCALATED");

        // The dashboard: the supervisor lands on it, then opens the campaign's year.
        LogIn.toPages(page, supervisor, "dashboard");
        page.navigate("/app/dashboard?year=" + year);
        assertThat(page.locator("#year-select")).hasValue(String.valueOf(year));
        Locator escalatedRow = page.locator("#progress-table tbody tr[data-org-code='" + escalated + "']");
        Locator districtRow = page.locator("#progress-table tbody tr[data-org-code='" + district + "']");
        assertThat(escalatedRow).containsText("浏览器测试大口团工委");
        assertThat(escalatedRow).containsText("大口团工委");
        assertThat(escalatedRow).containsText(year + "-08-01 至 " + year + "-08-31");
        assertThat(escalatedRow).containsText("督办中");
        assertThat(escalatedRow).containsText("一级督办");
        assertThat(districtRow).containsText("报送中");
        assertThat(districtRow).containsText("未督办");
        assertThat(page.locator("#dashboard-message")).isEmpty();
        assertThat(page.locator("#progress-summary")).containsText("督办中");
        assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
                .as("the table scrolls, not the page").isTrue();
        Chromium.screenshot(page, "30-dashboard");

        page.locator("#category-filter").selectOption("SECTOR");
        assertThat(escalatedRow).isVisible();
        assertThat(districtRow).hasCount(0);
        assertThat(page.locator("#progress-caption")).hasText(year + " 年各市属团组织进度（大口团工委）");
        assertThat(page).hasURL(Pattern.compile(".*[?&]category=SECTOR.*"));
        escalatedRow.scrollIntoViewIfNeeded();
        Chromium.screenshot(page, "31-dashboard-sector");

        // Cockpit: the org-supervision definition, its instances found by business key (the search Cockpit
        // itself links to), and the escalated organisation's instance.
        LogIn.toWebapp(page, "cockpit", supervisor);
        page.navigate("/camunda/app/cockpit/default/#/processes");
        page.getByText("督查市属团组织").first().click();
        assertThat(page).hasURL(Pattern.compile(".*#/process-definition/org-supervision:.*"));
        String businessKey = "campaign-" + year + ":" + escalated;
        String search = "[{\"type\":\"businessKey\",\"operator\":\"eq\",\"value\":\"" + businessKey + "\",\"name\":\"\"}]";
        page.navigate(page.url().replaceFirst("\\?.*$", "") + "?searchQuery=" + URLEncoder.encode(search, StandardCharsets.UTF_8));
        Locator instances = page.locator("table tbody tr").filter(new Locator.FilterOptions().setHasText("campaign-" + year + ":"));
        assertThat(instances).hasCount(1);
        assertThat(instances).containsText(businessKey);
        assertThat(instances).containsText(escalatedSupervision.getId());
        Chromium.screenshot(page, "32-cockpit-org-supervision");

        instances.getByText(escalatedSupervision.getId()).click();
        assertThat(page).hasURL(Pattern.compile(".*#/process-instance/" + escalatedSupervision.getId() + "/runtime.*"));
        assertThat(page.locator("dd.business-key")).containsText(businessKey);
        Locator level = page.locator("table tbody tr").filter(new Locator.FilterOptions().setHasText("escalationLevel"));
        assertThat(level).containsText("Integer");
        assertThat(level.locator("td").nth(2)).hasText("1");
        Chromium.screenshot(page, "33-cockpit-instance");
    }

    private ProcessInstance supervision(int year, String orgCode) {
        ProcessInstance instance = runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey("campaign-" + year + ":" + orgCode).singleResult();
        assertThat(instance).as("org-supervision of " + orgCode).isNotNull();
        return instance;
    }

    /**
     * Runs what is due, as the job executor would: under the campaign's root (every supervision's start) or
     * only in the given instances (so that the other tests' organisations cost no time).
     */
    private void runDue(Set<String> ids, boolean asRoot) {
        for (int round = 0; round < 10_000; round++) {
            Job next = ids.stream()
                    .map(id -> asRoot
                            ? managementService.createJobQuery().rootProcessInstanceId(id).executable()
                            : managementService.createJobQuery().processInstanceId(id).executable())
                    .flatMap(query -> query.orderByJobDuedate().asc().listPage(0, 1).stream())
                    .findFirst().orElse(null);
            if (next == null) {
                return;
            }
            managementService.executeJob(next.getId());
        }
        throw new AssertionError("jobs keep coming");
    }
}
