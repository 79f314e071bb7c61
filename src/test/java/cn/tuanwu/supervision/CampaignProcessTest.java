package cn.tuanwu.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.tuanwu.identity.Groups;
import cn.tuanwu.member.MemberCategory;
import cn.tuanwu.member.MemberRegister;
import cn.tuanwu.notification.Notifications;
import cn.tuanwu.organisation.Category;
import cn.tuanwu.organisation.Organisations;
import cn.tuanwu.organisation.Organisations.NewOrganisation;
import cn.tuanwu.shared.IdNumber;
import cn.tuanwu.support.Api;
import cn.tuanwu.support.TestFixtures;
import cn.tuanwu.support.TestMailServer;
import cn.tuanwu.support.TuanwuTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A whole campaign through August and September, driven by the engine's clock as the job executor would
 * drive it: two August organisations (one on track, one that ends with the city) and two September ones
 * (one remediates in time, one is left to the city). Timers are checked at their exact Shanghai midnights
 * as instants, so the test means the same in any JVM zone. Other tests' top-level organisations take part
 * too (the campaign supervises every one); only ours are asserted, the others are driven to the end.
 */
@TuanwuTest
class CampaignProcessTest {

    @LocalServerPort
    int port;
    @Autowired
    TestFixtures fixtures;
    @Autowired
    Organisations organisations;
    @Autowired
    MemberRegister register;
    @Autowired
    Notifications notifications;
    @Autowired
    SupervisionSteps steps;
    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    HistoryService historyService;
    @Autowired
    IdentityService identityService;
    @Autowired
    JdbcTemplate jdbc;

    private final ObjectMapper json = new ObjectMapper();
    private String campaignId;
    /** The first year without a campaign from 2037 on, so that the test runs again on a kept database. */
    private int year;
    private Instant started;
    private Instant augustOpens;
    private Instant augustReminder;
    private Instant augustCloses;
    private Instant augustLevel2;
    private Instant septemberOpens;
    private Instant septemberReminder;
    private Instant septemberCloses;
    private Instant septemberLevel2;
    private LocalDate young;
    private LocalDate overAge;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        year = CampaignYears.free(jdbc, 1);
        // Shanghai midnights written as instants (UTC 16:00 the day before), independent of any zone library.
        started = at("2037-07-20T02:00:00Z");
        augustOpens = at("2037-07-31T16:00:00Z");
        augustReminder = at("2037-08-24T16:00:00Z");
        augustCloses = at("2037-08-31T16:00:00Z");
        augustLevel2 = at("2037-09-07T16:00:00Z");
        septemberOpens = augustCloses;
        septemberReminder = at("2037-09-23T16:00:00Z");
        septemberCloses = at("2037-09-30T16:00:00Z");
        septemberLevel2 = at("2037-10-07T16:00:00Z");
        young = LocalDate.of(year - 25, 3, 1);
        overAge = LocalDate.of(year - 32, 1, 1);
        ClockUtil.setCurrentTime(Date.from(started));
    }

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void aCampaignThroughAugustAndSeptember() throws Exception {
        // August: on track (uploads in the window, everyone registered, nobody over age).
        String onTime = TestFixtures.unique("SO");
        // August: over-age members remain; one sub-organisation has nothing at all.
        String lateSector = TestFixtures.unique("SL");
        // September: a pending upload and a low registration rate; remediates in time.
        String remediated = TestFixtures.unique("DR");
        // September: nothing at all, no contact e-mail; the city closes it while the task is still open.
        String ignored = TestFixtures.unique("DI");
        organisations.create(List.of(
                new NewOrganisation(onTime, "督查测试按期大口团工委", fixtures.cityCode(), Category.SECTOR, "on-time@example.org"),
                new NewOrganisation(onTime + "A", "督查测试按期甲团委", onTime, null, null),
                new NewOrganisation(lateSector, "督查测试逾期大口团工委", fixtures.cityCode(), Category.SECTOR, "late@example.org"),
                new NewOrganisation(lateSector + "A", "督查测试逾期空团委", lateSector, null, null),
                new NewOrganisation(lateSector + "B", "督查测试逾期乙团委", lateSector, null, null),
                new NewOrganisation(remediated, "督查测试整改区团委", fixtures.cityCode(), Category.DISTRICT, "fix@example.org"),
                new NewOrganisation(remediated + "A", "督查测试整改未报到街道", remediated, null, null),
                new NewOrganisation(remediated + "B", "督查测试整改已报到街道", remediated, null, null),
                new NewOrganisation(ignored, "督查测试督办区团委", fixtures.cityCode(), Category.DISTRICT, null)));
        registered(onTime + "A", young);
        registered(onTime + "A", young);
        upload(onTime + "A", "APPLIED", at("2037-08-10T03:00:00Z"), "NEW");
        registered(lateSector + "B", young);
        registered(lateSector + "B", young);
        fixtures.member(lateSector + "B", overAge, MemberCategory.LEAGUE_MEMBER);
        upload(lateSector + "B", "APPLIED", at("2037-08-05T03:00:00Z"), "NEW");
        for (int i = 0; i < 3; i++) {
            fixtures.member(remediated + "A", young, MemberCategory.LEAGUE_MEMBER);
        }
        registered(remediated + "B", young);
        upload(remediated + "B", "APPLIED", at("2037-09-03T03:00:00Z"), "UPDATED");
        upload(remediated + "A", "AWAITING_REVIEW", at("2037-09-20T03:00:00Z"), "NEW");
        Api.Login supervisor = fixtures.supervisor();
        String supervisorEmail = supervisor.userId() + "@example.org";
        User user = identityService.createUserQuery().userId(supervisor.userId()).singleResult();
        user.setEmail(supervisorEmail);
        identityService.saveUser(user);

        Api.Response started = new Api(port).post("/api/campaigns", "{\"year\": " + year + "}", supervisor);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        campaignId = started.json().path("processInstanceId").asText();
        ProcessInstance campaign = runtimeService.createProcessInstanceQuery().processInstanceId(campaignId).singleResult();
        assertThat(campaign).isWaitingAt("listTopLevelOrganisations").hasBusinessKey("campaign-" + year);

        // Start: one supervision per top-level organisation, each in its own job; the window decided, rows NOT_OPEN.
        runDue();
        ProcessInstance onTimeSupervision = supervision(onTime);
        ProcessInstance lateSupervision = supervision(lateSector);
        ProcessInstance remediatedSupervision = supervision(remediated);
        ProcessInstance ignoredSupervision = supervision(ignored);
        long topLevel = organisations.children(fixtures.cityCode()).size();
        assertThat(historyService.createHistoricProcessInstanceQuery().superProcessInstanceId(campaignId).count())
                .as("one org-supervision per top-level organisation").isEqualTo(topLevel);
        for (ProcessInstance instance : List.of(onTimeSupervision, lateSupervision, remediatedSupervision, ignoredSupervision)) {
            assertThat(instance).isWaitingAt("windowOpens").hasPassed("decideWindow");
        }
        assertThat(onTimeSupervision).variables().containsEntry("year", year).containsEntry("orgCode", onTime)
                .containsEntry("windowStart", y("2037-08-01")).containsEntry("windowEnd", y("2037-08-31"))
                .containsEntry("windowOpensAt", y("2037-08-01T00:00:00+08:00"))
                .containsEntry("reminderAt", y("2037-08-25T00:00:00+08:00"))
                .containsEntry("windowClosesAt", y("2037-09-01T00:00:00+08:00"))
                .containsEntry("adminGroup", Groups.adminsOf(onTime)).containsEntry("escalationLevel", 0);
        assertThat(due(onTimeSupervision, "windowOpens")).isEqualTo(augustOpens);
        assertThat(due(remediatedSupervision, "windowOpens")).isEqualTo(septemberOpens);
        assertRow(onTime, "NOT_OPEN", null, 0);
        assertThat(jdbc.queryForMap("SELECT window_start, window_end FROM supervision WHERE campaign_year = ? AND org_code = ?",
                year, remediated).values().stream().map(Object::toString).toList()).containsExactly(y("2037-09-01"), y("2037-09-30"));
        assertThat(executable()).as("nothing else is due before the windows open").isZero();

        // 1 August 00:00 in Shanghai: the August windows open, the September ones not yet.
        advanceTo(augustOpens.minusSeconds(1));
        assertThat(onTimeSupervision).isWaitingAt("windowOpens");
        advanceTo(augustOpens);
        assertThat(onTimeSupervision).hasPassed("openWindow").isWaitingAt("windowCloses");
        assertRow(onTime, "OPEN", null, 0);
        assertRow(remediated, "NOT_OPEN", null, 0);
        assertThat(notifications.countByDedupKeyPrefix(key(onTime, "window-open:"))).isEqualTo(2);
        assertThat(notifications.countByDedupKeyPrefix(key(onTime, "window-open:on-time@example.org"))).isEqualTo(1);
        assertThat(notifications.countByDedupKeyPrefix(key(onTime, "window-open:" + Groups.adminsOf(onTime)))).isEqualTo(1);
        assertThat(due(onTimeSupervision, "reminderDue")).isEqualTo(augustReminder);
        assertThat(due(onTimeSupervision, "windowCloses")).isEqualTo(augustCloses);

        // 25 August: a reminder only for the organisation that is behind.
        advanceTo(augustReminder.minusSeconds(1));
        assertThat(lateSupervision).hasNotPassed("remindIfBehind");
        advanceTo(augustReminder);
        assertThat(onTimeSupervision).hasPassed("remindIfBehind").isWaitingAt("windowCloses").variables()
                .containsEntry("reminded", false);
        assertThat(lateSupervision).hasPassed("remindIfBehind").variables().containsEntry("reminded", true);
        assertThat(notifications.countByDedupKeyPrefix(key(onTime, "reminder:"))).isZero();
        assertThat(notifications.countByDedupKeyPrefix(key(lateSector, "reminder:"))).isEqualTo(2);

        // 1 September 00:00: August closes (and September opens at the same instant).
        advanceTo(augustCloses.minusSeconds(1));
        assertThat(onTimeSupervision).isWaitingAt("windowCloses");
        advanceTo(augustCloses);
        assertThat(onTimeSupervision).isEnded().hasPassed("assessProgress", "completionAssessment", "recordOutcome")
                .hasNotPassed("escalateFirstLevel");
        assertThat(historicVariable(onTimeSupervision, "outcome")).isEqualTo("ON_TIME");
        assertRow(onTime, "DONE", "ON_TIME", 0);
        Map<String, Object> onTimeRow = row(onTime);
        assertThat(onTimeRow).containsEntry("assessment", "ON_TRACK");
        JsonNode assessed = json.readTree((String) onTimeRow.get("assessed_figures"));
        assertThat(assessed.path("activeMembers").asLong()).isEqualTo(2);
        assertThat(assessed.path("uploadedInWindow").asLong()).isEqualTo(1);
        assertThat(assessed.path("registrationRate").decimalValue()).isEqualByComparingTo("1");
        assertRow(remediated, "OPEN", null, 0);

        assertThat(lateSupervision).isWaitingAt("remediate").variables().containsEntry("verdict", "ESCALATE")
                .containsEntry("reasons", "OVER_AGE_REMAINING").containsEntry("reasonLabels", "仍有超龄团员未转出")
                .containsEntry("escalationLevel", 1).containsEntry("activeMembers", 3L).containsEntry("overAgeActive", 1L)
                .containsEntry("remediationDueAt", y("2037-09-08T00:00:00+08:00")).doesNotContainKey("assessmentResult");
        assertRow(lateSector, "ESCALATED", null, 1);
        assertThat(row(lateSector)).containsEntry("assessment", "ESCALATE").containsEntry("reasons", "OVER_AGE_REMAINING");
        Task remediate = task(lateSupervision, "remediate");
        assertThat(remediate.getName()).isEqualTo("整改：督查测试逾期大口团工委（" + lateSector + "），" + y("2037-09-08 00:00") + " 前完成");
        assertThat(remediate.getDescription()).contains("仍有超龄团员未转出", y("2037-08-01 至 2037-08-31"));
        assertThat(remediate.getDueDate().toInstant()).isEqualTo(augustLevel2);
        BpmnAwareTests.assertThat(remediate).hasCandidateGroup(Groups.adminsOf(lateSector));
        assertThat(due(lateSupervision, "remediationOverdue")).isEqualTo(augustLevel2);
        String[] levelOneRecipients = {"late@example.org", Groups.adminsOf(lateSector), Groups.CITY_SUPERVISORS, supervisorEmail};
        for (String recipient : levelOneRecipients) {
            assertThat(notifications.countByDedupKeyPrefix(key(lateSector, "escalation-1:" + recipient))).as(recipient)
                    .isEqualTo(1);
        }
        String levelOneBody = body(key(lateSector, "escalation-1:" + Groups.CITY_SUPERVISORS));
        assertThat(levelOneBody).contains("督查测试逾期空团委（" + lateSector + "A）", "在册超龄团员：1", "仍有超龄团员未转出")
                .doesNotContain("督查测试逾期乙团委");
        // The escalation step again (a retried job, a second node): not one notification more.
        long levelOneCount = notifications.countByDedupKeyPrefix(key(lateSector, "escalation-1:"));
        Supervised late = new Supervised(year, organisations.require(lateSector),
                new SubmissionWindow(LocalDate.of(year, 8, 1), LocalDate.of(year, 8, 31)), lateSupervision.getId());
        steps.escalateFirstLevel(late, FigureVariables.read(runtimeService.getVariables(lateSupervision.getId())::get),
                Assessment.stored("ESCALATE", "OVER_AGE_REMAINING", "仍有超龄团员未转出"), y("2037-09-08 00:00"));
        assertThat(notifications.countByDedupKeyPrefix(key(lateSector, "escalation-1:"))).isEqualTo(levelOneCount);
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT escalation_level) FROM notification WHERE dedup_key LIKE ?",
                Integer.class, key(lateSector, "escalation-1:") + "%")).isEqualTo(1);

        // 8 September 00:00: the remediation is overdue → level 2, the city supervises; the task stays open.
        advanceTo(augustLevel2.minusSeconds(1));
        assertThat(lateSupervision).isWaitingAt("remediate").hasNotPassed("escalateSecondLevel");
        advanceTo(augustLevel2);
        assertThat(lateSupervision).isWaitingAt("remediate", "superviseRemediation").variables()
                .containsEntry("escalationLevel", 2);
        assertRow(lateSector, "ESCALATED", null, 2);
        assertThat(notifications.countByDedupKeyPrefix(key(lateSector, "escalation-2:" + Groups.CITY_SUPERVISORS))).isEqualTo(1);
        assertThat(notifications.countByDedupKeyPrefix(key(lateSector, "escalation-2:" + supervisorEmail))).isEqualTo(1);
        assertThat(notifications.countByDedupKeyPrefix(key(lateSector, "escalation-2:late@example.org"))).isEqualTo(1);
        Task supervise = task(lateSupervision, "superviseRemediation");
        assertThat(supervise.getName()).isEqualTo("督办：督查测试逾期大口团工委（" + lateSector + "） 整改逾期");
        BpmnAwareTests.assertThat(supervise).hasCandidateGroup(Groups.CITY_SUPERVISORS);
        // The organisation finishes after level 2: it waits for the city, and the outcome stays with the city.
        complete(task(lateSupervision, "remediate"), "remediationConfirmed");
        assertThat(lateSupervision).isWaitingAt("superviseRemediation").hasPassed("remediatedUnderSupervision");
        assertRow(lateSector, "ESCALATED", null, 2);
        complete(supervise, "supervisionConfirmed");
        runDue();
        assertThat(lateSupervision).isEnded().hasPassed("recordOutcome");
        assertThat(historicVariable(lateSupervision, "outcome")).isEqualTo("ESCALATED_TO_CITY");
        assertRow(lateSector, "DONE", "ESCALATED_TO_CITY", 2);

        // September: opened at 1 September 00:00; reminders on the 24th at midnight.
        assertThat(remediatedSupervision).isWaitingAt("windowCloses").hasPassed("openWindow");
        assertThat(notifications.countByDedupKeyPrefix(key(ignored, "window-open:"))).as("no contact e-mail: admins only")
                .isEqualTo(1);
        assertThat(due(remediatedSupervision, "reminderDue")).isEqualTo(septemberReminder);
        assertThat(due(remediatedSupervision, "windowCloses")).isEqualTo(septemberCloses);
        advanceTo(septemberReminder);
        assertThat(remediatedSupervision).variables().containsEntry("reminded", true);
        assertThat(notifications.countByDedupKeyPrefix(key(remediated, "reminder:"))).isEqualTo(2);
        assertThat(body(key(remediated, "reminder:" + Groups.adminsOf(remediated)))).contains("有上传等待审核", "网上大报到率低于60%");

        // 1 October 00:00: both September organisations escalate.
        advanceTo(septemberCloses.minusSeconds(1));
        assertThat(remediatedSupervision).isWaitingAt("windowCloses");
        advanceTo(septemberCloses);
        assertThat(remediatedSupervision).isWaitingAt("remediate").variables()
                .containsEntry("reasons", "PENDING_REVIEWS,LOW_REGISTRATION_RATE").containsEntry("pendingReviews", 1L)
                .containsEntry("updatedInWindow", 1L).containsEntry("registrationRate", 0.25);
        assertThat(ignoredSupervision).isWaitingAt("remediate").variables()
                .containsEntry("reasons", "NOTHING_SUBMITTED,LOW_REGISTRATION_RATE");
        assertThat(due(remediatedSupervision, "remediationOverdue")).isEqualTo(septemberLevel2);
        assertThat(steps.remindIfBehind(new Supervised(year, organisations.require(remediated),
                new SubmissionWindow(LocalDate.of(year, 9, 1), LocalDate.of(year, 9, 30)), remediatedSupervision.getId())))
                .as("no reminder once the window has closed (both timers due at once when a campaign starts late)")
                .isFalse();
        assertThat(body(key(remediated, "escalation-1:" + Groups.CITY_SUPERVISORS)))
                .contains("督查测试整改未报到街道（" + remediated + "A）").doesNotContain("督查测试整改已报到街道");
        assertThat(notifications.countByDedupKeyPrefix(key(ignored, "escalation-1:"))).as("no contact e-mail")
                .isEqualTo(notifications.countByDedupKeyPrefix(key(remediated, "escalation-1:")) - 1);

        // Remediated before the due date: REMEDIATED, and the level-2 timer is gone.
        complete(task(remediatedSupervision, "remediate"), "remediationConfirmed");
        runDue();
        assertThat(remediatedSupervision).isEnded().hasNotPassed("escalateSecondLevel");
        assertThat(historicVariable(remediatedSupervision, "outcome")).isEqualTo("REMEDIATED");
        assertRow(remediated, "DONE", "REMEDIATED", 1);

        // 8 October 00:00: level 2; the city closes the supervision while the organisation's task is open.
        advanceTo(septemberLevel2);
        assertThat(ignoredSupervision).isWaitingAt("remediate", "superviseRemediation");
        complete(task(ignoredSupervision, "superviseRemediation"), "supervisionConfirmed");
        runDue();
        assertThat(ignoredSupervision).isEnded();
        assertThat(taskService.createTaskQuery().processInstanceId(ignoredSupervision.getId()).count()).isZero();
        assertThat(historicVariable(ignoredSupervision, "outcome")).isEqualTo("ESCALATED_TO_CITY");
        assertRow(ignored, "DONE", "ESCALATED_TO_CITY", 2);
        assertThat(notifications.countByDedupKeyPrefix(key(remediated, "escalation-2:"))).isZero();

        // The other tests' organisations: their tasks done, all timers run; then the campaign ends with its report.
        finishEveryOtherSupervision();
        assertThat(campaign).isEnded().hasPassed("writeFinalReport");
        Map<String, Object> campaignRow = jdbc.queryForMap("SELECT * FROM campaign WHERE campaign_year = ?", year);
        assertThat(campaignRow.get("ended_at")).isNotNull();
        assertThat(campaignRow.get("process_instance_id")).isEqualTo(campaignId);
        JsonNode report = json.readTree((String) campaignRow.get("final_report"));
        assertThat(report.path("year").asInt()).isEqualTo(year);
        assertThat(report.path("organisations").size()).isEqualTo((int) topLevel);
        assertThat(entry(report, onTime).path("outcome").asText()).isEqualTo("ON_TIME");
        assertThat(entry(report, onTime).path("windowStart").asText()).isEqualTo(y("2037-08-01"));
        assertThat(entry(report, onTime).path("figures").path("activeMembers").asLong()).isEqualTo(2);
        assertThat(entry(report, lateSector).path("outcome").asText()).isEqualTo("ESCALATED_TO_CITY");
        assertThat(entry(report, lateSector).path("escalationLevel").asInt()).isEqualTo(2);
        assertThat(entry(report, remediated).path("outcome").asText()).isEqualTo("REMEDIATED");
        assertThat(entry(report, remediated).path("windowEnd").asText()).isEqualTo(y("2037-09-30"));
        assertThat(entry(report, ignored).path("reasons").asText()).isEqualTo("NOTHING_SUBMITTED,LOW_REGISTRATION_RATE");

        // The escalation e-mails reached the SMTP server (GreenMail) once each, though the step ran twice.
        assertMailed("late@example.org", "一级预警：督查测试逾期大口团工委", 1);
        assertMailed("late@example.org", "二级预警：督查测试逾期大口团工委", 1);
        assertMailed(supervisorEmail, "一级预警：督查测试逾期大口团工委", 1);
        assertMailed(supervisorEmail, "二级预警：督查测试逾期大口团工委", 1);
        assertMailed("fix@example.org", "一级预警：督查测试整改区团委", 1);
        assertMailed(supervisorEmail, "一级预警：督查测试整改区团委", 1);
        assertMailed(supervisorEmail, "一级预警：督查测试督办区团委", 1);
        assertMailed(supervisorEmail, "二级预警：督查测试督办区团委", 1);
        assertMailed("fix@example.org", "二级预警", 0);
        assertMailed("on-time@example.org", "预警", 0);
    }

    /** Waits for the after-commit sending, then holds the count: exactly {@code times} such e-mails, not more. */
    private void assertMailed(String address, String subjectPart, long times) {
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(mailed(address, subjectPart))
                .as(address + ": " + subjectPart).isGreaterThanOrEqualTo(times));
        assertThat(mailed(address, subjectPart)).as(address + ": " + subjectPart).isEqualTo(times);
    }

    private long mailed(String address, String subjectPart) {
        return TestMailServer.receivedBy(address).stream().map(TestMailServer::subjectOf)
                .filter(subject -> subject.contains(subjectPart)).count();
    }

    /** The text with the campaign's year in place of 2037. */
    private String y(String text) {
        return text.replace("2037", String.valueOf(year));
    }

    private Instant at(String instantIn2037) {
        return Instant.parse(y(instantIn2037));
    }

    /** Moves the engine's clock (our Clock reads it) and runs every job of the campaign that is due then. */
    private void advanceTo(Instant at) {
        ClockUtil.setCurrentTime(Date.from(at));
        runDue();
    }

    private void runDue() {
        for (int round = 0; round < 100_000; round++) {
            List<Job> due = managementService.createJobQuery().rootProcessInstanceId(campaignId).executable()
                    .orderByJobDuedate().asc().listPage(0, 1);
            if (due.isEmpty()) {
                return;
            }
            managementService.executeJob(due.get(0).getId());
        }
        throw new AssertionError("jobs keep coming");
    }

    private long executable() {
        return managementService.createJobQuery().rootProcessInstanceId(campaignId).executable().count();
    }

    private void finishEveryOtherSupervision() {
        ClockUtil.setCurrentTime(Date.from(at("2037-12-31T00:00:00Z")));
        for (int round = 0; round < 10; round++) {
            runDue();
            List<Task> open = taskService.createTaskQuery().processInstanceBusinessKeyLike("campaign-" + year + ":%").list();
            if (open.isEmpty()) {
                runDue();
                return;
            }
            open.forEach(task -> {
                if (taskService.createTaskQuery().taskId(task.getId()).count() > 0) {
                    taskService.complete(task.getId());
                }
            });
        }
    }

    private ProcessInstance supervision(String orgCode) {
        ProcessInstance instance = runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey("campaign-" + year + ":" + orgCode).singleResult();
        assertThat(instance).as("org-supervision of " + orgCode).isNotNull();
        assertThat(instance.getRootProcessInstanceId()).isEqualTo(campaignId);
        return instance;
    }

    private Instant due(ProcessInstance instance, String activityId) {
        Job timer = managementService.createJobQuery().processInstanceId(instance.getId()).activityId(activityId)
                .timers().singleResult();
        assertThat(timer).as("timer " + activityId).isNotNull();
        return timer.getDuedate().toInstant();
    }

    private Task task(ProcessInstance instance, String key) {
        return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key).singleResult();
    }

    private void complete(Task task, String confirmation) {
        taskService.complete(task.getId(), Variables.putValue(confirmation, true));
    }

    private Object historicVariable(ProcessInstance instance, String name) {
        return historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).variableName(name)
                .singleResult().getValue();
    }

    private void assertRow(String orgCode, String state, String outcome, int level) {
        Map<String, Object> row = row(orgCode);
        assertThat(row.get("state")).as(orgCode + " state").isEqualTo(state);
        assertThat(row.get("outcome")).as(orgCode + " outcome").isEqualTo(outcome);
        assertThat(((Number) row.get("escalation_level")).intValue()).as(orgCode + " level").isEqualTo(level);
    }

    private Map<String, Object> row(String orgCode) {
        return jdbc.queryForMap("SELECT * FROM supervision WHERE campaign_year = ? AND org_code = ?", year, orgCode);
    }

    private String key(String orgCode, String rest) {
        return "campaign-" + year + ":" + orgCode + ":" + rest;
    }

    private String body(String dedupKey) {
        return jdbc.queryForObject("SELECT body FROM notification WHERE dedup_key = ?", String.class, dedupKey);
    }

    private static JsonNode entry(JsonNode report, String orgCode) {
        for (JsonNode entry : report.path("organisations")) {
            if (entry.path("orgCode").asText().equals(orgCode)) {
                return entry;
            }
        }
        throw new AssertionError(orgCode + " not in the final report");
    }

    /** An active 团员 of the organisation who has claimed the electronic card. */
    private void registered(String orgCode, LocalDate birthDate) {
        String idNumber = fixtures.member(orgCode, birthDate, MemberCategory.LEAGUE_MEMBER);
        register.register(IdNumber.trusted(idNumber), started);
    }

    /** An upload of one row with the given outcome, as the member-import process leaves it. */
    private void upload(String orgCode, String status, Instant uploadedAt, String outcome) {
        String id = UUID.randomUUID().toString();
        jdbc.update("INSERT INTO upload (id, org_code, file_name, file_size, sha256, status, uploaded_by, uploaded_at) "
                + "VALUES (?, ?, 'campaign.xlsx', 1, 'x', ?, 'campaign-test', ?)", id, orgCode, status, Timestamp.from(uploadedAt));
        jdbc.update("INSERT INTO upload_row (upload_id, row_number, outcome, org_code) VALUES (?, 1, ?, ?)", id, outcome,
                orgCode);
    }
}
