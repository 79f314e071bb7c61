package cn.tuanwu.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.tuanwu.support.Api;
import cn.tuanwu.support.TestFixtures;
import cn.tuanwu.support.TuanwuTest;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
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

/**
 * Starting {@code campaign} from Tasklist's 启动流程: its start form, submitted through {@code /engine-rest} as
 * Tasklist does, obeys the rules of {@code POST /api/campaigns}.
 */
@TuanwuTest
class CampaignStartFormTest {

    private static final String SUBMIT = "/engine-rest/process-definition/key/campaign/submit-form";

    @LocalServerPort
    int port;
    @Autowired
    TestFixtures fixtures;
    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    HistoryService historyService;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    JdbcTemplate jdbc;

    Api api;
    Api.Login supervisor;
    /** "This year" here: the engine's clock is set to 1 March of the first of two years without a campaign. */
    int year;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        year = CampaignYears.free(jdbc, 2);
        ClockUtil.setCurrentTime(Date.from(Instant.parse(year + "-03-01T02:00:00Z")));
        api = new Api(port);
        supervisor = fixtures.supervisor();
    }

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void theStartFormIsDeployedAndOnlySupervisorsSeeTheProcessInTasklist() {
        Api.Response form = api.get("/engine-rest/process-definition/key/campaign/deployed-start-form", supervisor);
        assertThat(form.status()).as(form.body()).isEqualTo(200);
        assertThat(form.json().path("id").asText()).isEqualTo("startCampaignForm");
        assertThat(form.body()).contains("活动年份");

        String startable = "/engine-rest/process-definition?latestVersion=true&startablePermissionCheck=true"
                + "&startableInTasklist=true";
        assertThat(api.get(startable, supervisor).body()).contains("\"key\":\"campaign\"");
        Api.Response forAdmin = api.get(startable, fixtures.adminOf(fixtures.tree().districtA()));
        assertThat(forAdmin.status()).isEqualTo(200);
        assertThat(forAdmin.body()).doesNotContain("\"key\":\"campaign\"");

        // The other processes start from the API or a timer (an upload, a transfer, the campaign, the month):
        // started bare from 启动流程 they would fail, so not even an administrator is offered them.
        Api.Response forEngineAdmin = api.get(startable, fixtures.user("camunda-admin"));
        assertThat(forEngineAdmin.status()).isEqualTo(200);
        assertThat(forEngineAdmin.json().findValuesAsText("key")).contains("campaign")
                .doesNotContain("member-import", "transfer-out", "org-supervision", "over-age-sweep");
    }

    @Test
    void aSupervisorStartsTheYearOnceFromTheForm() {
        Api.Response started = api.post(SUBMIT, form(year, "Long"), supervisor);
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        String processInstanceId = started.json().path("id").asText();
        ProcessInstance campaign = runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId)
                .singleResult();
        assertThat(campaign).hasBusinessKey("campaign-" + year).isWaitingAt("listTopLevelOrganisations")
                .variables().containsEntry("year", year);
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).singleResult()
                .getBusinessKey()).isEqualTo("campaign-" + year);
        assertThat(jdbc.queryForMap("SELECT started_by, process_instance_id FROM campaign WHERE campaign_year = ?", year))
                .containsEntry("started_by", supervisor.userId()).containsEntry("process_instance_id", processInstanceId);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE action = 'START_CAMPAIGN' AND subject_id = ? "
                + "AND user_id = ?", Integer.class, String.valueOf(year), supervisor.userId())).isEqualTo(1);

        Api.Response again = api.post(SUBMIT, form(year, "Integer"), fixtures.supervisor());
        assertThat(again.status()).as(again.body()).isEqualTo(400);
        assertThat(again.json().path("message").asText()).contains(year + " 年的督查活动已经启动过");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("campaign-" + year).count()).isEqualTo(1);
        assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey("campaign")
                .processInstanceBusinessKey("campaign-" + year).count()).isEqualTo(1);

        // And the API sees the form's campaign.
        Api.Response viaApi = api.post("/api/campaigns", "{\"year\": " + year + "}", supervisor);
        assertThat(viaApi.status()).isEqualTo(409);
        assertThat(viaApi.code()).isEqualTo("CAMPAIGN_EXISTS");
    }

    @Test
    void aBadYearIsRefusedInChineseAndStartsNothing() {
        for (String body : List.of(form(year - 1, "Long"), form(year + 2, "Long"), "{\"variables\": {}}",
                "{\"variables\": {\"year\": {\"value\": " + year + ".5, \"type\": \"Double\"}}}",
                "{\"variables\": {\"year\": {\"value\": \"明年\", \"type\": \"String\"}}}")) {
            Api.Response refused = api.post(SUBMIT, body, supervisor);
            assertThat(refused.status()).as(body + " → " + refused.body()).isEqualTo(400);
            assertThat(refused.json().path("message").asText()).as(body)
                    .contains("活动年份", String.valueOf(year), String.valueOf(year + 1));
        }
        // The years around may have campaigns of other tests: what this supervisor started is what counts.
        assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey("campaign")
                .startedBy(supervisor.userId()).count()).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM campaign WHERE started_by = ?", Integer.class,
                supervisor.userId())).isZero();
    }

    @Test
    void orgAdminsAndReviewersCannotStartACampaign() {
        String district = fixtures.tree().districtA();
        String definitionId = repositoryService.createProcessDefinitionQuery().processDefinitionKey("campaign")
                .latestVersion().singleResult().getId();
        for (Api.Login other : List.of(fixtures.adminOf(district),
                fixtures.user(cn.tuanwu.identity.Groups.reviewersOf(fixtures.cityCode())))) {
            // By key the engine does not even show them the definition; by id it refuses the start.
            assertThat(api.post(SUBMIT, form(year, "Long"), other).status()).isIn(403, 404);
            Api.Response refused = api.post("/engine-rest/process-definition/" + definitionId + "/submit-form",
                    form(year, "Long"), other);
            assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM campaign WHERE campaign_year = ?", Integer.class, year))
                .isZero();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("campaign-" + year).count()).isZero();
    }

    /** The body Tasklist's start form submits. */
    private static String form(int year, String type) {
        return "{\"variables\": {\"year\": {\"value\": " + year + ", \"type\": \"" + type + "\"}}}";
    }
}
