package cn.tuanwu.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tuanwu.identity.Groups;
import cn.tuanwu.bench.CpuMeter;
import cn.tuanwu.organisation.Organisations;
import cn.tuanwu.shared.Dialect;
import cn.tuanwu.support.Api;
import cn.tuanwu.support.TestFixtures;
import cn.tuanwu.support.TestProfiles;
import cn.tuanwu.support.TuanwuTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 5's campaign benchmark: a campaign over {@code bench.tops} top-level organisations with
 * {@code bench.orgs} organisations below them and {@code bench.members} members, on the running job
 * executor (the application's settings), time moved by the clock API as a supervisor would in a
 * rehearsal. Measured: starting the campaign until every supervision waits for its window; each
 * window moment (opening, reminder, close) until every timer it made due and everything after it
 * (assessments, escalations, notifications, tasks) has run. The floor: as many bare timer jobs of an
 * empty process, fired the same way in the same run. {@code ./mvnw -Pbenchmark test -Dtest=CampaignBenchmark}.
 */
@Tag("benchmark")
@TuanwuTest
@TestPropertySource(properties = "camunda.bpm.job-execution.enabled=true")
class CampaignBenchmark {

    private static final Logger log = LoggerFactory.getLogger(CampaignBenchmark.class);
    private static final int TOPS = Integer.getInteger("bench.tops", 300);
    private static final int ORGS = Integer.getInteger("bench.orgs", 30_000);
    private static final int MEMBERS = Integer.getInteger("bench.members", 1_000_000);
    private static final int YEAR = 2031;
    private static final ZoneOffset SHANGHAI = ZoneOffset.ofHours(8);
    private static final long TIMEOUT_MS = 30 * 60 * 1000L;

    @LocalServerPort
    int port;
    @Autowired
    TestFixtures fixtures;
    @Autowired
    Organisations organisations;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Dialect dialect;
    @Autowired
    ManagementService managementService;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;

    private Api api;
    private Api.Login admin;
    private CpuMeter cpu;
    private final List<String> lines = new ArrayList<>();

    /** A timed moment: wall time and CPU time (JVM, database; -1 when the database's is unknown). */
    private record Measured(long millis, long jvmNanos, long jobThreadNanos, long databaseNanos) {

        long cpuNanos() {
            return databaseNanos < 0 ? -1 : jvmNanos + databaseNanos;
        }
    }

    @Test
    void campaignAgainstBareTimers() throws IOException {
        api = new Api(port);
        cpu = new CpuMeter(jdbc, TestProfiles.onPostgres());
        admin = fixtures.user(Groups.CAMUNDA_ADMIN);
        Api.Login supervisor = fixtures.supervisor();
        try {
            moveClock(OffsetDateTime.of(YEAR, 7, 1, 0, 0, 0, 0, SHANGHAI));
            // The monthly over-age sweep fires on each 1st the clock crosses and would open a confirmation
            // for each of the ~27,000 branches with over-age members: real work, but not the campaign's.
            managementService.suspendJobDefinitionByProcessDefinitionKey("over-age-sweep", true);
            long started = System.nanoTime();
            BenchRegister register = new BenchRegister(jdbc, dialect);
            int committees = 9;
            int branches = Math.max(1, ORGS / TOPS / committees - 1);
            BenchRegister.Tree tree = register.organisations("BM", fixtures.cityCode(),
                    organisations.cityCommittee().orElseThrow().path(), TOPS, committees, branches);
            register.members(tree.branchCodes(), MEMBERS, YEAR);
            dialect.analyze("organisation");
            int organisationsBelow = tree.branchCodes().size() + TOPS * committees;
            record("register: " + TOPS + " top-level, " + organisationsBelow + " below, " + MEMBERS + " members",
                    new Measured(millisSince(started), 0, 0, -1), null, null);

            long topLevel = count("SELECT COUNT(*) FROM organisation WHERE level = 1");
            long august = countTopLevel(true);
            long september = topLevel - august;

            floor("bare timers (the engine's floor), " + topLevel, topLevel);

            CpuMeter.Reading before = cpu.read();
            started = System.nanoTime();
            Api.Response response = api.post("/api/campaigns", "{\"year\": " + YEAR + "}", supervisor);
            assertThat(response.status()).as(response.body()).isEqualTo(202);
            awaitQuiet(() -> count("SELECT COUNT(*) FROM supervision WHERE campaign_year = " + YEAR) == topLevel);
            record("start the campaign: " + topLevel + " supervisions waiting for their window",
                    measuredSince(started, before), null, null);

            for (int i = 1; i <= 3; i++) {
                started = System.nanoTime();
                Api.Response progress = api.get("/api/campaigns/" + YEAR + "/progress", supervisor);
                assertThat(progress.status()).as(progress.body()).isEqualTo(200);
                assertThat(progress.json().size()).isEqualTo((int) topLevel);
                record("GET /api/campaigns/" + YEAR + "/progress (" + topLevel + " rows, figures live), request " + i,
                        new Measured(millisSince(started), 0, 0, -1), null, null);
            }

            Measured floorAugust = floor("bare timers, " + august, august);
            phase("1 Aug 00:00: " + august + " windows open", OffsetDateTime.of(YEAR, 8, 1, 0, 0, 1, 0, SHANGHAI),
                    () -> rows("state = 'OPEN'") >= august, floorAugust);
            phase("25 Aug 00:00: reminders 7 days before the August close",
                    OffsetDateTime.of(YEAR, 8, 25, 0, 0, 1, 0, SHANGHAI), () -> true, floorAugust);
            Measured floorAll = floor("bare timers, " + topLevel, topLevel);
            phase("1 Sep 00:00: " + august + " August windows close (assess, escalate), " + september + " open",
                    OffsetDateTime.of(YEAR, 9, 1, 0, 0, 1, 0, SHANGHAI),
                    () -> assessed() >= august, floorAll);
            phase("8 Sep 00:00: August remediation due (level 2)", OffsetDateTime.of(YEAR, 9, 8, 0, 0, 2, 0, SHANGHAI),
                    () -> rows("escalation_level = 2") >= rows("escalation_level >= 1 AND window_end < DATE '" + YEAR
                            + "-09-01'"), floorAugust);
            Measured floorSeptember = floor("bare timers, " + september, september);
            // Its own moment, as 25 Aug is for August: jumping from 8 Sep to 1 Oct fired these hundred reminders in
            // the 1 Oct close, which then timed 201 jobs against a floor of 100.
            phase("24 Sep 00:00: reminders 7 days before the September close",
                    OffsetDateTime.of(YEAR, 9, 24, 0, 0, 1, 0, SHANGHAI), () -> true, floorSeptember);
            phase("1 Oct 00:00: " + september + " September windows close (assess, escalate)",
                    OffsetDateTime.of(YEAR, 10, 1, 0, 0, 1, 0, SHANGHAI), () -> assessed() >= topLevel, floorSeptember);
        } finally {
            managementService.activateJobDefinitionByProcessDefinitionKey("over-age-sweep", true);
            api.delete("/api/admin/clock", admin);
            write();
        }
    }

    /** Starts {@code n} instances of an empty process waiting on a timer, moves time past it, and times them out. */
    private Measured floor(String label, long n) {
        Instant due = clockNow().plusSeconds(3600);
        BpmnModelInstance model = Bpmn.createExecutableProcess("benchBareTimer").camundaHistoryTimeToLive(1)
                .startEvent().intermediateCatchEvent().timerWithDate("${due}").endEvent().done();
        repositoryService.createDeployment().addModelInstance("bench-bare-timer.bpmn", model).enableDuplicateFiltering(true)
                .deploy();
        for (int i = 0; i < n; i++) {
            runtimeService.startProcessInstanceByKey("benchBareTimer", Variables.putValue("due", Date.from(due)));
        }
        CpuMeter.Reading before = cpu.read();
        long started = System.nanoTime();
        moveClock(due.plusSeconds(1).atOffset(SHANGHAI));
        awaitQuiet(() -> runtimeService.createProcessInstanceQuery().processDefinitionKey("benchBareTimer").count() == 0);
        Measured measured = measuredSince(started, before);
        record(label, measured, null, null);
        return measured;
    }

    private void phase(String label, OffsetDateTime at, BooleanSupplier done, Measured floor) {
        long due = managementService.createJobQuery().timers().duedateLowerThan(Date.from(at.toInstant())).count();
        CpuMeter.Reading before = cpu.read();
        long started = System.nanoTime();
        moveClock(at);
        awaitQuiet(done);
        record(label + " (" + due + " timers due)", measuredSince(started, before), floor, due);
    }

    private Measured measuredSince(long startedNanos, CpuMeter.Reading before) {
        long millis = millisSince(startedNanos);
        CpuMeter.Reading after = cpu.read();
        return new Measured(millis, after.jvmNanosSince(before), after.jobThreadNanosSince(before),
                after.databaseNanosSince(before));
    }

    private long rows(String condition) {
        return count("SELECT COUNT(*) FROM supervision WHERE campaign_year = " + YEAR + " AND " + condition);
    }

    private long assessed() {
        return count("SELECT COUNT(*) FROM supervision WHERE campaign_year = " + YEAR + " AND assessment IS NOT NULL");
    }

    private long countTopLevel(boolean august) {
        String categories = august ? "'SECTOR','BUREAU_COMPANY','MUNICIPAL_UNIT','CENTRAL_UNIT'" : "'DISTRICT','COLLEGE'";
        return count("SELECT COUNT(*) FROM organisation WHERE level = 1 AND category IN (" + categories + ")");
    }

    /** Waits until the condition holds and no job is due any more (everything the moment set off has run). */
    private void awaitQuiet(BooleanSupplier condition) {
        long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        while (System.currentTimeMillis() < deadline) {
            if (condition.getAsBoolean() && managementService.createJobQuery().executable().active().count() == 0) {
                // A job that failed waits for its retry and is not executable: quiet is not done then.
                long failed = managementService.createJobQuery().withException().active().count();
                if (failed > 0) {
                    throw new AssertionError(failed + " jobs failed: " + managementService.createJobQuery()
                            .withException().active().listPage(0, 1).get(0).getExceptionMessage());
                }
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("Not done within " + TIMEOUT_MS / 1000 + " s; incidents: "
                + runtimeService.createIncidentQuery().count());
    }

    private void moveClock(OffsetDateTime at) {
        Api.Response moved = api.put("/api/admin/clock", "{\"now\": \"" + at + "\"}", admin);
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
    }

    private Instant clockNow() {
        return OffsetDateTime.parse(api.get("/api/admin/clock", admin).json().path("now").asText()).toInstant();
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    private void record(String label, Measured measured, Measured floor, Long timers) {
        long millis = measured.millis();
        String ratio = floor == null || floor.millis() == 0 ? "" : String.format("%.2f", (double) millis / floor.millis());
        String rate = timers == null || millis == 0 ? "" : String.format("%.0f", timers * 1000.0 / millis);
        String cpuTime = measured.jvmNanos() == 0 ? "" : String.format("%.2f + %s", measured.jvmNanos() / 1e9,
                measured.databaseNanos() < 0 ? "?" : String.format("%.2f", measured.databaseNanos() / 1e9));
        String cpuRatio = floor == null || floor.cpuNanos() <= 0 || measured.cpuNanos() < 0 ? ""
                : String.format("%.2f", (double) measured.cpuNanos() / floor.cpuNanos());
        String jobs = floor == null || floor.jobThreadNanos() <= 0 || measured.databaseNanos() < 0 ? ""
                : String.format("; job threads + database %.2f s (%.2f× floor)", (measured.jobThreadNanos()
                        + measured.databaseNanos()) / 1e9, (double) (measured.jobThreadNanos() + measured.databaseNanos())
                        / (floor.jobThreadNanos() + floor.databaseNanos()));
        log.info("{}: {} ms{}{}{}", label, millis, ratio.isEmpty() ? "" : " (" + ratio + "× floor)",
                cpuTime.isEmpty() ? "" : ", CPU s " + cpuTime + (cpuRatio.isEmpty() ? "" : " (" + cpuRatio + "× floor)"), jobs);
        lines.add("| " + label + " | " + millis + " | " + (floor == null ? "" : floor.millis()) + " | " + ratio + " | "
                + rate + " | " + cpuTime + " | " + cpuRatio + " |");
    }

    private void write() throws IOException {
        String database = TestProfiles.onPostgres() ? "postgres" : "h2";
        Path results = Path.of("target", "benchmark-results-campaign-" + database + ".md");
        Files.createDirectories(results.getParent());
        Files.writeString(results, "## Campaign, " + TOPS + " top-level organisations, " + ORGS + " below, " + MEMBERS
                + " members, " + database + "\n\n| phase | ms | floor ms | × floor | timers/s | CPU s (JVM + database) | CPU × floor |\n"
                + "|---|---:|---:|---:|---:|---:|---:|\n"
                + String.join("\n", lines) + "\n");
    }
}
