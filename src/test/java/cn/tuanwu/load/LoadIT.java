package cn.tuanwu.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.tuanwu.crash.Database;
import cn.tuanwu.crash.Node;
import cn.tuanwu.support.Api;
import cn.tuanwu.support.TestProfiles;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged application on PostgreSQL under load, driven over HTTP as its clients drive it:
 * {@code load.uploads} (20) organisation admins each upload a generated file of {@code load.rows}
 * (10,000) members and follow it through parsing, a reviewer's approval and the apply, while
 * {@code load.readers} (200) city supervisors read the campaign's progress report back to back for
 * {@code load.duration} (2 minutes in CI; longer runs for BENCHMARKS.md) and until every upload has
 * ended. No call may fail (no 5xx, no transport error), every upload must end APPLIED with exactly its
 * rows, the register must hold exactly those members, the engine no incident and no failed job, and
 * the node's log no deadlock and no error. Prints the latencies and writes them to
 * {@code target/load-results.md}.
 *
 * <p>Only in the Maven profile {@code load} with {@code -Dtuanwu.test.db=postgres} (README, "Tests"); the
 * node runs in its own JVM as production does (C2, the default collector, 1 GB heap).
 */
class LoadIT {

    private static final String ADMIN_PASSWORD = "Load-Test-Pr1ncipal-2026!";
    private static final Api.Login ADMIN = new Api.Login("admin", ADMIN_PASSWORD);
    private static final Duration DURATION = Duration.parse(System.getProperty("load.duration", "PT2M"));
    private static final int UPLOADS = Integer.getInteger("load.uploads", 20);
    private static final int ROWS = Integer.getInteger("load.rows", 10_000);
    private static final int READERS = Integer.getInteger("load.readers", 200);
    private static final Duration UPLOAD_TIMEOUT = Duration.parse(System.getProperty("load.uploadTimeout", "PT10M"));

    private final Path work = Path.of("target", "load-it");
    private Database database;
    private Node node;

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue(TestProfiles.onPostgres(), "the load test runs on PostgreSQL: -Pload -Dtuanwu.test.db=postgres");
        Files.createDirectories(work);
        database = Database.postgresScratch();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (node != null) {
            node.stop();
        }
        if (database != null) {
            database.drop();
        }
    }

    @Test
    void uploadsAndProgressReadersTogetherLoseNothingAndFailNothing() throws Exception {
        long testStarted = System.nanoTime();
        List<Path> files = LoadFixture.writeFiles(work.resolve("files"), UPLOADS, ROWS);
        node = Node.start("load", work.resolve("node.log"), database, ADMIN_PASSWORD, List.of("-Xmx1g"),
                List.of("--tuanwu.clock.adjustable=true"));
        node.awaitHealthy(Duration.ofSeconds(180));
        Api api = node.api();
        awaitAdminLogin(api);
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() + 1;
        LoadFixture fixture = new LoadFixture(api, ADMIN, year);
        fixture.create(files);
        fixture.openCampaign();
        long setUpMillis = millisSince(testStarted);

        Failures failures = new Failures();
        ProgressReaders readers = new ProgressReaders(node.api(), fixture.supervisor, year, UPLOADS, failures);
        Uploader.Timings timings = new Uploader.Timings(new Latencies("POST /api/imports (10,000-row file)"),
                new Latencies("upload → AWAITING_REVIEW"), new Latencies("upload → APPLIED"),
                new Latencies("GET /api/imports/{id} (status polls)"));
        Api uploadApi = node.api();
        List<Uploader> uploaders = new ArrayList<>();
        for (int i = 0; i < UPLOADS; i++) {
            uploaders.add(new Uploader(uploadApi, fixture.topLevel.get(i), fixture.files.get(i), fixture.uploaders.get(i),
                    fixture.reviewer, UPLOAD_TIMEOUT.toNanos(), timings, failures));
        }
        PoolSampler pool = new PoolSampler(node.api(), ADMIN);
        pool.start();
        String loadBefore = loadAverage();
        Instant startedAt = Instant.now();
        long started = System.nanoTime();
        long until = started + DURATION.toNanos();
        ExecutorService uploading = Executors.newFixedThreadPool(UPLOADS);
        readers.start(READERS, () -> System.nanoTime() < until || !uploading.isTerminated());
        uploaders.forEach(uploading::submit);
        uploading.shutdown();
        boolean uploadsEnded = uploading.awaitTermination(UPLOAD_TIMEOUT.toMillis() + 60_000, TimeUnit.MILLISECONDS);
        long uploadsNanos = System.nanoTime() - started;
        if (!uploadsEnded) {
            uploading.shutdownNow();
        }
        boolean readersStopped = readers.awaitStopped(Math.max(0, TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime()))
                + 120_000);
        long loadNanos = System.nanoTime() - started;
        String loadAfter = loadAverage();
        pool.stop();

        // A rate only where calls follow each other (an upload's times overlap the others').
        List<Latencies.Summary> summaries = List.of(readers.latencies().summary(loadNanos), timings.post().summary(0),
                timings.toReview().summary(0), timings.toApplied().summary(0), timings.polls().summary(uploadsNanos));
        summaries.forEach(summary -> System.out.println("LoadIT " + summary.line()));
        long rowsPerSecond = Math.round(UPLOADS * (double) ROWS * 1e9 / uploadsNanos);

        assertThat(uploadsEnded).as("every uploader ended within " + UPLOAD_TIMEOUT).isTrue();
        assertThat(readersStopped).as("every progress read returned (a read still hangs)").isTrue();
        assertThat(failures.count()).as("failed calls, the first: " + failures.first()).isZero();
        for (Uploader uploader : uploaders) {
            assertThat(uploader.status()).as(uploader.orgCode() + ": " + uploader.last()).isEqualTo("APPLIED");
            assertCounts(uploader.orgCode() + " awaiting review", uploader.awaitingReview());
            assertCounts(uploader.orgCode() + " applied", uploader.last());
        }
        assertRegister(fixture);
        assertProgressFigures(fixture);
        JsonNode incidents = api.get("/engine-rest/incident", ADMIN).json();
        assertThat(incidents).as("incidents").isEmpty();
        long failedJobs = api.get("/engine-rest/job/count?withException=true", ADMIN).json().path("count").asLong();
        assertThat(failedJobs).as("jobs that failed at least once").isZero();
        String log = node.log();
        List<String> deadlocks = log.lines().filter(line -> line.toLowerCase(Locale.ROOT).contains("deadlock")).toList();
        assertThat(deadlocks).as("deadlocks in the node's log").isEmpty();
        assertThat(log.lines().filter(line -> line.contains(" ERROR ")).limit(20).toList())
                .as("errors in the node's log").isEmpty();
        long warnings = log.lines().filter(line -> line.contains(" WARN ")).count();
        assertThat(readers.latencies().count()).as("progress reads").isPositive();

        String summary = String.format(Locale.ROOT, "LoadIT on PostgreSQL, %s (load average before %s, after %s): %d readers "
                        + "for %s (ran %d s) + %d uploads × %,d rows: progress p50 %d ms, p99 %d ms, max %d ms, %.1f reads/s (%,d reads); "
                        + "upload→AWAITING_REVIEW p50 %d ms, p99 %d ms, max %d ms; upload→APPLIED p50 %d ms, p99 %d ms, max %d ms; "
                        + "%,d rows applied in %d s (%,d rows/s); %d failed calls, %d incidents, %d failed jobs, %d deadlocks, "
                        + "%d warnings in the log; %s; set-up %d s, whole test %d s",
                startedAt, loadBefore, loadAfter, READERS, DURATION, TimeUnit.NANOSECONDS.toSeconds(loadNanos), UPLOADS, ROWS,
                summaries.get(0).p50(), summaries.get(0).p99(), summaries.get(0).max(), summaries.get(0).perSecond(),
                summaries.get(0).count(), summaries.get(2).p50(), summaries.get(2).p99(), summaries.get(2).max(),
                summaries.get(3).p50(), summaries.get(3).p99(), summaries.get(3).max(), UPLOADS * ROWS,
                TimeUnit.NANOSECONDS.toSeconds(uploadsNanos), rowsPerSecond, failures.count(), incidents.size(), failedJobs,
                deadlocks.size(), warnings, pool.describe(), setUpMillis / 1000, millisSince(testStarted) / 1000);
        System.out.println(summary);
        writeResults(summary, summaries);
    }

    private void assertCounts(String what, JsonNode upload) {
        assertThat(upload).as(what).isNotNull();
        JsonNode counts = upload.path("counts");
        assertThat(counts.path("NEW").asInt()).as(what + ": NEW " + counts).isEqualTo(ROWS);
        for (String outcome : List.of("UPDATED", "UNCHANGED", "REACTIVATED", "REJECTED")) {
            assertThat(counts.path(outcome).asInt()).as(what + ": " + outcome + " " + counts).isZero();
        }
    }

    /** Exactly the uploaded members, each file's in its own organisation's subtree, read from the database itself. */
    private void assertRegister(LoadFixture fixture) throws Exception {
        Map<String, Long> perTopLevel = new TreeMap<>();
        long total;
        try (Connection db = database.connect(); Statement statement = db.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM member")) {
                rs.next();
                total = rs.getLong(1);
            }
            try (ResultSet rs = statement.executeQuery(
                    "SELECT SUBSTRING(org_code FROM 1 FOR 4), COUNT(*) FROM member WHERE status = 'ACTIVE' GROUP BY 1")) {
                while (rs.next()) {
                    perTopLevel.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        assertThat(total).as("members in the register").isEqualTo((long) UPLOADS * ROWS);
        assertThat(perTopLevel.keySet()).containsExactlyInAnyOrderElementsOf(fixture.topLevel);
        assertThat(perTopLevel.values()).as("active members per top-level organisation").containsOnly((long) ROWS);
    }

    /** The report the readers read shows every file: its members active and uploaded in the window. */
    private void assertProgressFigures(LoadFixture fixture) throws InterruptedException {
        for (JsonNode row : fixture.awaitProgress("OPEN"::equals)) {
            JsonNode figures = row.path("figures");
            assertThat(figures.path("activeMembers").asLong()).as(row.toString()).isEqualTo(ROWS);
            assertThat(figures.path("uploadedInWindow").asLong()).as(row.toString()).isEqualTo(ROWS);
            assertThat(figures.path("pendingReviews").asLong()).as(row.toString()).isZero();
        }
    }

    private void writeResults(String summary, List<Latencies.Summary> summaries) throws Exception {
        StringBuilder out = new StringBuilder(summary).append("\n\n| calls | n | p50 ms | p99 ms | max ms | per second |\n")
                .append("|---|---:|---:|---:|---:|---:|\n");
        summaries.forEach(s -> out.append(s.tableRow()).append('\n'));
        Files.writeString(Path.of("target", "load-results.md"), out, StandardCharsets.UTF_8);
    }

    private static void awaitAdminLogin(Api api) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (api.get("/api/orgs", ADMIN).status() != 200) {
            if (System.nanoTime() > deadline) {
                fail("the administrator cannot log in");
            }
            Thread.sleep(250);
        }
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static long millisSince(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
    }
}
