package cn.tuanwu.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tuanwu.identity.Groups;
import cn.tuanwu.organisation.Organisations;
import cn.tuanwu.shared.Dialect;
import cn.tuanwu.support.Api;
import cn.tuanwu.support.TestFixtures;
import cn.tuanwu.support.TestProfiles;
import cn.tuanwu.support.TuanwuTest;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Where a close job's time goes, per job rather than per moment: the campaign of {@link CampaignBenchmark} with
 * the job executor off, each window moment's due jobs executed one at a time on this thread, interleaved by kind
 * with as many bare timer jobs due at the same moment, so that the machine's other load falls on every kind
 * alike. For each job: wall time, this thread's CPU time, the e-mail sender's (the job's e-mails are awaited),
 * and the CPU time of the database's server processes (PostgreSQL on this machine, /proc/[pid]/schedstat, to the
 * nanosecond). Not measured here: job acquisition and locking (the executor's, the same for every job), the test's
 * mail server, the JIT compiler and the collector.
 * {@code ./mvnw -Pbenchmark test -Dtest=CloseCostProbe -Dtuanwu.test.db=postgres} with {@code DB_URL} of an empty
 * scratch database; {@code -Dbench.tops=60} (each top-level organisation has ~100 below it and
 * {@code bench.members / bench.tops} members, as in the benchmark).
 */
@Tag("benchmark")
@TuanwuTest
class CloseCostProbe {

    private static final Logger log = LoggerFactory.getLogger(CloseCostProbe.class);
    private static final int TOPS = Integer.getInteger("bench.tops", 60);
    private static final int MEMBERS = Integer.getInteger("bench.members", TOPS * 3_333);
    private static final int YEAR = 2031;
    private static final ZoneOffset SHANGHAI = ZoneOffset.ofHours(8);
    private static final String BARE = "bare timer";

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

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final List<String> lines = new ArrayList<>();
    /** Each job's kind and its start and end (epoch ms), for matching profiler samples to jobs. */
    private final List<String> windows = new ArrayList<>();
    private final Map<String, String> activityOfJobDefinition = new HashMap<>();
    private Api api;
    private Api.Login admin;
    private List<Integer> backends = List.of();

    @Test
    void costPerJob() throws IOException {
        api = new Api(port);
        admin = fixtures.user(Groups.CAMUNDA_ADMIN);
        Api.Login supervisor = fixtures.supervisor();
        try {
            moveClock(OffsetDateTime.of(YEAR, 7, 1, 0, 0, 0, 0, SHANGHAI));
            managementService.suspendJobDefinitionByProcessDefinitionKey("over-age-sweep", true);
            BenchRegister register = new BenchRegister(jdbc, dialect);
            BenchRegister.Tree tree = register.organisations("BP", fixtures.cityCode(),
                    organisations.cityCommittee().orElseThrow().path(), TOPS, 9, 10);
            register.members(tree.branchCodes(), MEMBERS, YEAR);
            dialect.analyze("organisation");
            repositoryService.createDeployment().addModelInstance("bench-bare-timer.bpmn", Bpmn.createExecutableProcess(
                    "benchBareTimer").camundaHistoryTimeToLive(1).startEvent().intermediateCatchEvent()
                    .timerWithDate("${due}").endEvent().done()).enableDuplicateFiltering(true).deploy();

            Api.Response started = api.post("/api/campaigns", "{\"year\": " + YEAR + "}", supervisor);
            assertThat(started.status()).as(started.body()).isEqualTo(202);
            moment("start", null, 0);
            moment("1 Aug: windows open", OffsetDateTime.of(YEAR, 8, 1, 0, 0, 1, 0, SHANGHAI), TOPS);
            moment("25 Aug: reminders", OffsetDateTime.of(YEAR, 8, 25, 0, 0, 1, 0, SHANGHAI), TOPS);
            moment("1 Sep: August closes, September openings", OffsetDateTime.of(YEAR, 9, 1, 0, 0, 1, 0, SHANGHAI), TOPS);
            moment("8 Sep: level 2", OffsetDateTime.of(YEAR, 9, 8, 0, 0, 2, 0, SHANGHAI), TOPS);
            moment("1 Oct: September closes (and the reminders of 24 Sep)", OffsetDateTime.of(YEAR, 10, 1, 0, 0, 1, 0,
                    SHANGHAI), TOPS);
        } finally {
            managementService.activateJobDefinitionByProcessDefinitionKey("over-age-sweep", true);
            api.delete("/api/admin/clock", admin);
            String database = TestProfiles.onPostgres() ? "postgres" : "h2";
            Path results = Path.of("target", "close-cost-probe-" + database + ".md");
            Files.createDirectories(results.getParent());
            Files.write(Path.of("target", "close-cost-probe-jobs.txt"), windows);
            Files.writeString(results, "## Cost per job, " + TOPS + " top-level organisations, " + MEMBERS + " members, "
                    + database + ", history level " + jdbc.queryForObject(
                            "SELECT VALUE_ FROM ACT_GE_PROPERTY WHERE NAME_ = 'historyLevel'", String.class) + "\n\n| moment | job | n | wall ms | JVM: job ms | JVM: e-mail sender ms | database ms "
                    + "| total CPU ms | × bare timer |\n|---|---|---:|---:|---:|---:|---:|---:|---:|\n" + String.join("\n", lines)
                    + "\n");
        }
    }

    /**
     * Moves the clock (when {@code at} is given), starts {@code bare} bare timers due now, and executes every due
     * job, round robin over the kinds, until none is left; then reports the mean cost per kind.
     */
    private void moment(String label, OffsetDateTime at, int bare) {
        if (at != null) {
            moveClock(at);
        }
        Date due = Date.from(clockNow());
        for (int i = 0; i < bare; i++) {
            runtimeService.startProcessInstanceByKey("benchBareTimer", Variables.putValue("due", due));
        }
        backends = TestProfiles.onPostgres()
                ? jdbc.queryForList("SELECT pid FROM pg_stat_activity WHERE datname = current_database()", Integer.class)
                : List.of();
        Map<String, long[]> costs = new LinkedHashMap<>();
        List<Job> jobs;
        while (!(jobs = managementService.createJobQuery().executable().active().list()).isEmpty()) {
            Map<String, List<Job>> byKind = new LinkedHashMap<>();
            jobs.forEach(job -> byKind.computeIfAbsent(kind(job), k -> new ArrayList<>()).add(job));
            int rounds = byKind.values().stream().mapToInt(List::size).max().orElse(0);
            for (int i = 0; i < rounds; i++) {
                for (Map.Entry<String, List<Job>> kind : byKind.entrySet()) {
                    if (i < kind.getValue().size()) {
                        execute(kind.getKey(), kind.getValue().get(i), costs);
                    }
                }
            }
        }
        long[] floor = costs.get(BARE);
        double floorTotal = floor == null ? 0 : (floor[2] + floor[3] + floor[4]) / (double) floor[0];
        costs.forEach((kind, c) -> {
            double n = c[0];
            double total = (c[2] + c[3] + c[4]) / n;
            String line = String.format("| %s | %s | %d | %.2f | %.2f | %.2f | %.2f | %.2f | %s |", label, kind, c[0],
                    c[1] / n / 1e6, c[2] / n / 1e6, c[4] / n / 1e6, c[3] / n / 1e6, total / 1e6,
                    floorTotal == 0 ? "" : String.format("%.2f", total / floorTotal));
            lines.add(line);
            log.info(line);
        });
    }

    private void execute(String kind, Job job, Map<String, long[]> costs) {
        long startedAt = System.currentTimeMillis();
        long databaseBefore = databaseCpu();
        long senderBefore = senderCpu();
        long cpuBefore = threads.getCurrentThreadCpuTime();
        long wallBefore = System.nanoTime();
        try {
            managementService.executeJob(job.getId());
        } catch (RuntimeException gone) {
            // A job its own instance removed meanwhile (a reminder's boundary timer when the window closed first).
            if (managementService.createJobQuery().jobId(job.getId()).count() > 0) {
                throw gone;
            }
            return;
        }
        long cpu = threads.getCurrentThreadCpuTime() - cpuBefore;
        awaitEmailsSent();
        long wall = System.nanoTime() - wallBefore;
        long sender = senderCpu() - senderBefore;
        long database = databaseCpu() - databaseBefore;
        windows.add(kind + " " + startedAt + " " + System.currentTimeMillis());
        long[] c = costs.computeIfAbsent(kind, k -> new long[5]);
        c[0]++;
        c[1] += wall;
        c[2] += cpu;
        c[3] += database;
        c[4] += sender;
    }

    /**
     * The e-mails a job enqueued are sent by the after-commit nudge on its own thread: waiting for them counts their
     * database statements and the sender's CPU to the job that caused them, not to the next one.
     */
    private void awaitEmailsSent() {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (jdbc.queryForObject("SELECT COUNT(*) FROM notification WHERE channel = 'EMAIL' AND status = 'PENDING'",
                Long.class) > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private String kind(Job job) {
        if ("benchBareTimer".equals(job.getProcessDefinitionKey())) {
            return BARE;
        }
        String activity = activityOfJobDefinition.computeIfAbsent(job.getJobDefinitionId(), id -> {
            JobDefinition definition = managementService.createJobDefinitionQuery().jobDefinitionId(id).singleResult();
            return definition == null ? "?" : definition.getActivityId();
        });
        return job.getProcessDefinitionKey() + ":" + activity;
    }

    /** The database's server processes for this database, CPU nanoseconds (0 off PostgreSQL or off this machine). */
    private long databaseCpu() {
        long nanos = 0;
        for (int pid : backends) {
            try {
                nanos += Long.parseLong(Files.readString(Path.of("/proc", Integer.toString(pid), "schedstat")).split(" ")[0]);
            } catch (IOException | RuntimeException e) {
                // gone or not ours to read
            }
        }
        return nanos;
    }

    private long senderCpu() {
        long nanos = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("notify-")) {
                nanos += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return nanos;
    }

    private void moveClock(OffsetDateTime at) {
        Api.Response moved = api.put("/api/admin/clock", "{\"now\": \"" + at + "\"}", admin);
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
    }

    private Instant clockNow() {
        return OffsetDateTime.parse(api.get("/api/admin/clock", admin).json().path("now").asText()).toInstant();
    }
}
