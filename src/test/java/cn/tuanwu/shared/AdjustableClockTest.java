package cn.tuanwu.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tuanwu.identity.Groups;
import cn.tuanwu.support.Api;
import cn.tuanwu.support.TestFixtures;
import cn.tuanwu.support.TuanwuTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@TuanwuTest
class AdjustableClockTest {

    private static final OffsetDateTime WINDOW_OPENS = OffsetDateTime.parse("2017-09-01T00:00:00+08:00");

    @LocalServerPort
    int port;
    @Autowired
    TestFixtures fixtures;
    @Autowired
    Clock clock;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    Api api;
    Api.Login admin;
    Deployment deployment;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        admin = fixtures.user(Groups.CAMUNDA_ADMIN);
    }

    @AfterEach
    void realTime() {
        ClockUtil.reset();
        if (deployment != null) {
            repositoryService.deleteDeployment(deployment.getId(), true);
        }
    }

    @Test
    void movesOurClockAndTheEnginesTogether() {
        Api.Response moved = api.put("/api/admin/clock", "{\"now\": \"" + WINDOW_OPENS + "\"}", admin);
        assertThat(moved.status()).isEqualTo(200);
        assertThat(OffsetDateTime.parse(moved.json().path("now").asText()).toInstant())
                .isBetween(WINDOW_OPENS.toInstant(), WINDOW_OPENS.toInstant().plusSeconds(5));
        assertThat(clock.instant()).isBetween(WINDOW_OPENS.toInstant(), WINDOW_OPENS.toInstant().plusSeconds(5));
        assertThat(ClockUtil.getCurrentTime().toInstant()).isBetween(WINDOW_OPENS.toInstant(), WINDOW_OPENS.toInstant().plusSeconds(5));
        assertThat(clock.getZone().getId()).isEqualTo("Asia/Shanghai");
        assertThat(moved.json().path("now").asText()).endsWith("+08:00");
    }

    @Test
    void timeKeepsRunningAfterAMove() throws InterruptedException {
        api.put("/api/admin/clock", "{\"now\": \"" + WINDOW_OPENS + "\"}", admin);
        Instant first = clock.instant();
        Thread.sleep(20);
        assertThat(clock.instant()).isAfter(first);
    }

    @Test
    void aTimerBecomesDueWhenTheClockPassesIt() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("clockProbe").camundaHistoryTimeToLive(1)
                .startEvent().intermediateCatchEvent("waitAnHour").timerWithDuration("PT1H").endEvent().done();
        deployment = repositoryService.createDeployment().addModelInstance("clockProbe.bpmn", model).deploy();
        api.put("/api/admin/clock", "{\"now\": \"" + WINDOW_OPENS + "\"}", admin);
        ProcessInstance instance = runtimeService.startProcessInstanceByKey("clockProbe");
        Job timer = managementService.createJobQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(timer.getDuedate().toInstant()).isBetween(WINDOW_OPENS.toInstant().plus(Duration.ofHours(1)),
                WINDOW_OPENS.toInstant().plus(Duration.ofHours(1)).plusSeconds(5));
        assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).executable().count()).isZero();

        api.put("/api/admin/clock", "{\"now\": \"" + WINDOW_OPENS.plusHours(2) + "\"}", admin);
        assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).executable().count()).isEqualTo(1);
        managementService.executeJob(timer.getId());
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
    }

    @Test
    void deleteReturnsToRealTime() {
        api.put("/api/admin/clock", "{\"now\": \"" + WINDOW_OPENS + "\"}", admin);
        Api.Response reset = api.delete("/api/admin/clock", admin);
        assertThat(reset.status()).isEqualTo(200);
        assertThat(clock.instant()).isBetween(Instant.now().minusSeconds(5), Instant.now().plusSeconds(5));
    }

    @Test
    void onlyAdministratorsMoveTime() {
        Api.Response response = api.put("/api/admin/clock", "{\"now\": \"" + WINDOW_OPENS + "\"}", fixtures.supervisor());
        assertThat(response.status()).isEqualTo(403);
        assertThat(clock.instant()).isAfter(Instant.now().minusSeconds(60));
        assertThat(api.put("/api/admin/clock", "{}", admin).code()).isEqualTo("INVALID_REQUEST");
        assertThat(api.put("/api/admin/clock", "{\"now\": \"tomorrow\"}", admin).code()).isEqualTo("MALFORMED_REQUEST");
    }

    @Test
    void productionClocksDoNotMove() {
        ClockController fixed = new ClockController(null, Clock.systemUTC(), false);
        assertThatThrownBy(() -> fixed.move(new ClockController.ClockJson(WINDOW_OPENS, null)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("CLOCK_NOT_ADJUSTABLE"));
        assertThatThrownBy(fixed::reset).isInstanceOf(ApiException.class);
        assertThat(fixed.now().adjustable()).isFalse();
    }
}
