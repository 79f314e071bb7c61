package cn.tuanwu.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.tuanwu.identity.Groups;
import cn.tuanwu.support.Api;
import cn.tuanwu.support.TestFixtures;
import cn.tuanwu.support.TuanwuTest;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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

/** {@code POST /api/campaigns}: who may start one, which years, and that a year runs once, also under a race. */
@TuanwuTest
class CampaignApiTest {


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
    void onlyCitySupervisorsStartACampaign() {
        String district = fixtures.tree().districtA();
        for (Api.Login other : List.of(fixtures.adminOf(district), fixtures.user(Groups.reviewersOf(fixtures.cityCode())))) {
            Api.Response refused = api.post("/api/campaigns", yearJson(year), other);
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.code()).isEqualTo("FORBIDDEN");
        }
        assertThat(api.post("/api/campaigns", yearJson(year), null).status()).isEqualTo(401);
    }

    @Test
    void aMissingOrUnreasonableYearIsRefusedInChinese() {
        for (String body : List.of("{}", "{\"year\": null}", "{\"year\": \"明年\"}", "{\"year\": " + year + ".5}",
                yearJson(year - 1), yearJson(year + 2), "{\"year\": 99999999999}")) {
            Api.Response refused = api.post("/api/campaigns", body, supervisor);
            assertThat(refused.status()).as(body).isEqualTo(400);
            assertThat(refused.code()).as(body).isEqualTo("E_CAMPAIGN_YEAR");
            assertThat(refused.json().path("detail").asText()).contains("活动年份", String.valueOf(year), String.valueOf(year + 1));
        }
        assertThat(api.post("/api/campaigns", "", supervisor).code()).isEqualTo("E_CAMPAIGN_YEAR");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM campaign WHERE campaign_year = ?", Integer.class, year + 2))
                .isZero();
    }

    @Test
    void aYearRunsOnceAndItsStartIsAudited() {
        Api.Response started = api.post("/api/campaigns", yearJson(year), supervisor);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        assertThat(started.json().path("year").asInt()).isEqualTo(year);
        String processInstanceId = started.json().path("processInstanceId").asText();
        ProcessInstance campaign = runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId)
                .singleResult();
        assertThat(campaign).hasBusinessKey("campaign-" + year).isWaitingAt("listTopLevelOrganisations")
                .variables().containsEntry("year", year);
        assertThat(jdbc.queryForMap("SELECT started_by, process_instance_id, ended_at FROM campaign WHERE campaign_year = ?", year))
                .containsEntry("started_by", supervisor.userId()).containsEntry("process_instance_id", processInstanceId)
                .containsEntry("ended_at", null);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE action = 'START_CAMPAIGN' AND subject_id = ? "
                + "AND user_id = ?", Integer.class, String.valueOf(year), supervisor.userId())).isEqualTo(1);

        Api.Response again = api.post("/api/campaigns", yearJson(year), fixtures.supervisor());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("CAMPAIGN_EXISTS");
        assertThat(again.json().path("detail").asText()).contains(String.valueOf(year));
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("campaign-" + year).count()).isEqualTo(1);
    }

    @Test
    void twoRacingStartsMakeOneCampaign() throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Api.Response>> racing = List.of(supervisor, fixtures.supervisor()).stream()
                .map(login -> CompletableFuture.supplyAsync(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return new Api(port).post("/api/campaigns", yearJson(year + 1), login);
                })).toList();
        go.countDown();
        List<Integer> statuses = racing.stream().map(future -> {
            try {
                return future.get(60, TimeUnit.SECONDS).status();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).sorted().toList();
        assertThat(statuses).containsExactly(202, 409);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("campaign-" + (year + 1)).count()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM campaign WHERE campaign_year = ?", Integer.class, year + 1)).isEqualTo(1);
    }

    private static String yearJson(int year) {
        return "{\"year\": " + year + "}";
    }
}
