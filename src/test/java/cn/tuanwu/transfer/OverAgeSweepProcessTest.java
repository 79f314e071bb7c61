package cn.tuanwu.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import cn.tuanwu.identity.Groups;
import cn.tuanwu.member.MemberCategory;
import cn.tuanwu.support.TestFixtures;
import cn.tuanwu.support.TuanwuTest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The monthly over-age sweep, driven by its timer across a month boundary and a 29 February birthday. */
@TuanwuTest
class OverAgeSweepProcessTest {

    /** 02:00 in Shanghai on 1 February and 1 March 2028 (a leap year). */
    private static final Instant FEBRUARY = Instant.parse("2028-01-31T18:00:00Z");
    private static final Instant MARCH = Instant.parse("2028-02-29T18:00:00Z");

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
    JdbcTemplate jdbc;

    TestFixtures.Tree tree;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        tree = fixtures.tree();
    }

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void theSweepIsDueAtTwoInTheMorningInShanghaiOnTheFirst() {
        ZonedDateTime due = timer().getDuedate().toInstant().atZone(OverAgeSchedule.SHANGHAI);
        assertThat(due.getDayOfMonth()).isEqualTo(1);
        assertThat(due.getHour()).isEqualTo(2);
        assertThat(due.getMinute()).isZero();
        assertThat(OverAgeSchedule.cronFor(ZoneOffset.UTC)).isEqualTo("0 0 18 L * ?");
        assertThat(OverAgeSchedule.cronFor(OverAgeSchedule.SHANGHAI)).isEqualTo("0 0 2 1 * ?");
    }

    @Test
    void eachMonthOneConfirmationPerOrganisationAndNeverTwoAtOnce() {
        long december = memberId(fixtures.member(tree.branchA(), LocalDate.of(1999, 12, 15), MemberCategory.LEAGUE_MEMBER));
        long leapDay = memberId(fixtures.member(tree.streetA(), LocalDate.of(2000, 2, 29), MemberCategory.LEAGUE_MEMBER));
        long secondOfMarch = memberId(fixtures.member(tree.streetA(), LocalDate.of(2000, 3, 2),
                MemberCategory.LEAGUE_MEMBER));
        long cadre = memberId(fixtures.member(tree.branchA(), LocalDate.of(1990, 1, 1), MemberCategory.LEAGUE_CADRE));

        ProcessInstance february = sweep(FEBRUARY);
        assertThat(timer().getDuedate().toInstant()).as("next: 1 March 02:00 in Shanghai").isEqualTo(MARCH);
        assertThat(confirmations(february, tree.branchA())).hasSize(1);
        Task branchTask = confirmations(february, tree.branchA()).get(0);
        assertThat(branchTask.getName()).isEqualTo("确认超龄离团：" + tree.branchA() + " 1 人");
        assertThat(confirmations(february, tree.streetA())).as("29 February is still to come").isEmpty();

        ProcessInstance march = sweep(MARCH);
        assertThat(confirmations(march, tree.streetA())).as("turned 28 on 29 February").hasSize(1);
        assertThat(taskService.getVariable(confirmations(march, tree.streetA()).get(0).getId(), "overAgeCount"))
                .isEqualTo(1);
        assertThat(confirmations(march, tree.branchA())).as("February's is still open").isEmpty();

        var admin = fixtures.adminOf(tree.branchA());
        identityService.setAuthentication(admin.userId(), List.of(Groups.adminsOf(tree.branchA())));
        try {
            taskService.complete(branchTask.getId());
        } finally {
            identityService.clearAuthentication();
        }
        String transferId = jdbc.queryForObject("SELECT id FROM transfer WHERE org_code = ?", String.class,
                tree.branchA());
        assertThat(jdbc.queryForObject("SELECT requested_by FROM transfer WHERE id = ?", String.class, transferId))
                .isEqualTo(admin.userId());
        ProcessInstance transfer = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(transferId)
                .singleResult();
        assertThat(transfer).isWaitingAt("applyTransfer");
        execute(job());
        execute(job());
        assertThat(transfer).isEnded();
        assertThat(status(december)).isEqualTo("TRANSFERRED_OUT");
        assertThat(jdbc.queryForObject("SELECT transfer_reason FROM member WHERE id = ?", String.class, december))
                .isEqualTo("OVER_AGE");
        assertThat(List.of(status(leapDay), status(secondOfMarch), status(cadre))).containsOnly("ACTIVE");
    }

    /** Moves both clocks to {@code at} and fires the timer start event as the job executor would. */
    private ProcessInstance sweep(Instant at) {
        ClockUtil.setCurrentTime(Date.from(at));
        Set<String> before = instances();
        managementService.executeJob(timer().getId());
        Set<String> started = instances();
        started.removeAll(before);
        assertThat(started).hasSize(1);
        ProcessInstance instance = runtimeService.createProcessInstanceQuery()
                .processInstanceId(started.iterator().next()).singleResult();
        assertThat(instance).isWaitingAt("findOverAgeOrganisations");
        execute(job());
        // Each organisation's confirmation is created by a job of its own (thousands of organisations a month).
        managementService.createJobQuery().processInstanceId(instance.getId()).executable().list()
                .forEach(job -> managementService.executeJob(job.getId()));
        return instance;
    }

    private Set<String> instances() {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(OverAgeSweep.KEY).list().stream()
                .map(ProcessInstance::getId).collect(Collectors.toSet());
    }

    private Job timer() {
        return managementService.createJobQuery().processDefinitionKey(OverAgeSweep.KEY).timers().singleResult();
    }

    private List<Task> confirmations(ProcessInstance sweep, String orgCode) {
        return taskService.createTaskQuery().processInstanceId(sweep.getId())
                .taskDefinitionKey(OverAgeSweep.CONFIRM_TASK).taskCandidateGroup(Groups.adminsOf(orgCode)).list();
    }

    private String status(long id) {
        return jdbc.queryForObject("SELECT status FROM member WHERE id = ?", String.class, id);
    }

    private long memberId(String idNumber) {
        return jdbc.queryForObject("SELECT id FROM member WHERE id_number = ?", Long.class, idNumber);
    }
}
