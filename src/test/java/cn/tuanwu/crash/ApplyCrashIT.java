package cn.tuanwu.crash;

import static cn.tuanwu.crash.CrashSteps.awaitUploadStatus;
import static cn.tuanwu.crash.CrashSteps.millisSince;
import static cn.tuanwu.crash.CrashSteps.pollUpload;
import static cn.tuanwu.crash.CrashSteps.single;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import cn.tuanwu.support.Api;
import cn.tuanwu.support.TestProfiles;
import cn.tuanwu.support.Workbooks;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The apply job killed mid-way, for real: the packaged jar runs in its own JVM, is SIGKILLed while it
 * applies an approved upload, and a second JVM on the same database finishes the job. The register
 * must then hold exactly the staged rows, none lost and none twice.
 *
 * <p>Runs with Failsafe after {@code package} (it needs {@code target/tuanwu.jar}). On H2 the
 * database is a file in a fresh directory (an in-memory one would die with the JVM); with
 * {@code -Dtuanwu.test.db=postgres} it is a scratch database created next to {@code DB_URL}'s and
 * dropped after, because the build's own database already holds the other tests' administrator and
 * their unexecuted jobs, which a node with a running job executor would pick up.
 */
class ApplyCrashIT {

    private static final String ADMIN_PASSWORD = "Crash-Test-2026!";
    private static final Api.Login ADMIN = new Api.Login("admin", ADMIN_PASSWORD);
    private static final Api.Login UPLOADER = new Api.Login("crash-uploader", "Upl0ad-Secret-2026!");
    private static final Api.Login REVIEWER = new Api.Login("crash-reviewer", "Rev1ew-Secret-2026!");

    /** Members the first, small upload puts in the register; the big upload changes their phones. */
    private static final int EXISTING = 100;
    /**
     * New members of the big upload. With the updates and 100 rows a chunk the apply is 101 transactions,
     * long enough to be caught in the middle, while staging the file stays short.
     */
    private static final int NEW_ROWS = 10_000;
    private static final int CHUNK_SIZE = 100;
    /**
     * How long a job stays locked to the node that took it. A killed node never unlocks its job, so
     * this is how long the restarted node waits before it resumes; production keeps the engine's
     * default of 5 minutes, which must stay above the longest apply.
     */
    private static final Duration LOCK_TIME = Duration.ofSeconds(15);

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Pattern APPLIED_IN = Pattern.compile("Upload (\\S+) applied in (\\d+) chunks");

    private final Path logs = Path.of("target", "crash-it");
    private Database database;
    private final List<Node> nodes = new ArrayList<>();

    @BeforeEach
    void database() throws Exception {
        Files.createDirectories(logs);
        database = TestProfiles.onPostgres() ? Database.postgresScratch() : Database.h2File();
    }

    @AfterEach
    void stopEverything() throws Exception {
        for (Node node : nodes) {
            node.stop();
        }
        if (database != null) {
            database.drop();
        }
    }

    @Test
    void aKilledApplyResumesOnRestartAndAppliesEveryStagedRowExactlyOnce() throws Exception {
        long testStarted = System.nanoTime();
        Node first = start("node-1");
        Api api = first.api();

        CrashSteps.DistrictAndStreet orgs = CrashSteps.districtWithStreet(api, ADMIN, "CRASH", "崩溃测试");
        String district = orgs.district();
        String street = orgs.street();
        CrashSteps.createUser(api, ADMIN, UPLOADER, List.of("org-" + street + "-admins"));
        CrashSteps.createUser(api, ADMIN, REVIEWER, List.of("org-" + district + "-reviewers"));

        // The members the big upload will update, put in the register the way users do it.
        LocalDate today = LocalDate.now(SHANGHAI);
        List<List<Object>> seedRows = new ArrayList<>();
        List<List<Object>> bigRows = new ArrayList<>();
        for (int i = 0; i < EXISTING; i++) {
            String idNumber = CrashSteps.idNumber(today, i);
            seedRows.add(CrashSteps.row(idNumber, i, "138", street));
            bigRows.add(CrashSteps.row(idNumber, i, "199", street));
        }
        String seed = uploadAndApprove(api, Workbooks.xlsx(Workbooks.HEADERS, seedRows), "seed.xlsx");
        awaitUploadStatus(api, UPLOADER, seed, "APPLIED", Duration.ofSeconds(60));
        assertThat(activeMembers(api, street)).isEqualTo(EXISTING);

        // The big upload: new members with an update every hundred rows, so that both kinds straddle the kill.
        List<List<Object>> rows = new ArrayList<>(NEW_ROWS + EXISTING);
        int updates = 0;
        for (int i = 0; i < NEW_ROWS; i++) {
            if (i % (NEW_ROWS / EXISTING) == 0 && updates < EXISTING) {
                rows.add(bigRows.get(updates++));
            }
            rows.add(CrashSteps.row(CrashSteps.idNumber(today, EXISTING + i), EXISTING + i, "137", street));
        }
        long staging = System.nanoTime();
        String big = uploadAndApproveLater(api, Workbooks.xlsx(Workbooks.HEADERS, rows), "big.xlsx");
        JsonNode staged = awaitUploadStatus(api, UPLOADER, big, "AWAITING_REVIEW", Duration.ofSeconds(120));
        long stagedIn = millisSince(staging);
        JsonNode stagedCounts = staged.path("counts");
        assertThat(stagedCounts.path("NEW").asInt()).as(staged.toString()).isEqualTo(NEW_ROWS);
        assertThat(stagedCounts.path("UPDATED").asInt()).as(staged.toString()).isEqualTo(EXISTING);
        assertThat(stagedCounts.path("REJECTED").asInt()).as(staged.toString()).isZero();
        int lastRow = lastStagedRow(api, big);

        Api.Response approved = api.post("/api/imports/" + big + "/decision", "{\"approved\": true, \"comment\": \"同意\"}",
                REVIEWER);
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        long applying = System.nanoTime();

        // Kill once a third is committed, well inside the apply.
        JsonNode beforeKill = pollUpload(api, UPLOADER, big, Duration.ofSeconds(60),
                upload -> upload.path("appliedThroughRow").asInt() >= lastRow / 3
                        || !"APPLYING".equals(upload.path("status").asText()));
        first.kill();
        long killedAfter = millisSince(applying);
        int appliedAtKill = beforeKill.path("appliedThroughRow").asInt();
        assertThat(beforeKill.path("status").asText())
                .as("the apply finished before the kill: make it slower (more rows, smaller chunks)").isEqualTo("APPLYING");
        assertThat(appliedAtKill).as("applied through row at the kill").isStrictlyBetween(0, lastRow);
        assertThat(first.log()).as("node 1 never finished the apply").doesNotContain("Upload " + big + " applied");

        long restarting = System.nanoTime();
        Node second = start("node-2");
        long healthyIn = millisSince(restarting);
        api = second.api();
        JsonNode after = awaitUploadStatus(api, UPLOADER, big, "APPLIED", LOCK_TIME.plusSeconds(90));
        long resumedIn = millisSince(restarting);

        assertThat(after.path("counts")).as("counts are the staged ones").isEqualTo(stagedCounts);
        assertThat(after.path("appliedThroughRow").asInt()).isEqualTo(lastRow);
        assertThat(activeMembers(api, street)).as("active members of " + street).isEqualTo(EXISTING + NEW_ROWS);
        Matcher chunks = APPLIED_IN.matcher(second.log());
        int chunksAfterRestart = -1;
        while (chunks.find()) {
            if (chunks.group(1).equals(big)) {
                chunksAfterRestart = Integer.parseInt(chunks.group(2));
            }
        }
        int chunksInAll = (lastRow - 1 + CHUNK_SIZE - 1) / CHUNK_SIZE;
        int chunksSeenAtKill = (appliedAtKill - 1) / CHUNK_SIZE;
        assertThat(chunksAfterRestart).as("node 2 applied the rest, so the kill landed mid-apply").isBetween(1, chunksInAll);
        // A commit is durable when it returns (H2 with WRITE_DELAY=0, as configured): node 2 resumes where
        // node 1 was, it does not start again.
        assertThat(chunksAfterRestart).as("chunks node 2 applied").isLessThanOrEqualTo(chunksInAll - chunksSeenAtKill);
        String instance = after.path("processInstanceId").asText();
        JsonNode history = api.get("/engine-rest/history/process-instance/" + instance, ADMIN).json();
        assertThat(history.path("state").asText()).as(history.toString()).isEqualTo("COMPLETED");
        JsonNode incidents = api.get("/engine-rest/history/incident?processInstanceId=" + instance, ADMIN).json();
        assertThat(incidents).as("incidents").isEmpty();

        second.stop();
        try (Connection db = database.connect()) {
            assertThat(single(db, "SELECT COUNT(*) - COUNT(DISTINCT id_number) FROM member")).as("ID numbers twice").isZero();
            assertThat(single(db, "SELECT COUNT(*) FROM member WHERE org_code = ? AND status = 'ACTIVE'", street))
                    .isEqualTo(EXISTING + NEW_ROWS);
            assertThat(single(db, "SELECT COUNT(*) FROM upload_row WHERE upload_id = ? AND outcome = 'NEW'", big))
                    .isEqualTo(NEW_ROWS);
            assertThat(single(db, """
                    SELECT COUNT(*) FROM upload_row r JOIN member m ON m.id_number = r.id_number
                    WHERE r.upload_id = ? AND r.outcome IN ('NEW', 'UPDATED') AND m.org_code = r.org_code
                      AND m.phone = r.phone AND m.status = 'ACTIVE'""", big))
                    .as("every staged change is in the register as staged").isEqualTo(NEW_ROWS + EXISTING);
            assertThat(single(db, "SELECT COUNT(*) FROM member WHERE org_code = ? AND phone LIKE '199%'", street))
                    .as("updated phones").isEqualTo(EXISTING);
        }
        System.out.printf(Locale.ROOT, "ApplyCrashIT on %s: %d rows staged in %d ms; killed %d ms after approval at "
                        + "row %d of %d (%d of %d chunks); node 2 healthy after %d ms, upload APPLIED %d ms after the restart "
                        + "began, node 2 applied %d chunks; whole test %d ms%n", database.kind(), rows.size(), stagedIn,
                killedAfter, appliedAtKill, lastRow, chunksSeenAtKill, chunksInAll, healthyIn, resumedIn,
                chunksAfterRestart, millisSince(testStarted));
    }

    private Node start(String name) throws Exception {
        Node node = Node.start(name, logs.resolve(name + ".log"), database, ADMIN_PASSWORD,
                List.of("--tuanwu.upload.chunk-size=" + CHUNK_SIZE,
                        "--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_TIME.toMillis()));
        nodes.add(node);
        node.awaitHealthy(Duration.ofSeconds(240));
        CrashSteps.awaitLogin(node, name, ADMIN);
        return node;
    }

    private static String uploadAndApprove(Api api, byte[] xlsx, String fileName) {
        String id = uploadAndApproveLater(api, xlsx, fileName);
        awaitUploadStatus(api, UPLOADER, id, "AWAITING_REVIEW", Duration.ofSeconds(60));
        Api.Response approved = api.post("/api/imports/" + id + "/decision", "{\"approved\": true}", REVIEWER);
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        return id;
    }

    private static String uploadAndApproveLater(Api api, byte[] xlsx, String fileName) {
        Api.Response accepted = api.upload("/api/imports?orgCode=" + streetOf(api), fileName, xlsx, UPLOADER);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        return accepted.json().path("id").asText();
    }

    /** The uploader administers exactly one organisation, the street committee. */
    private static String streetOf(Api api) {
        return api.get("/api/orgs", UPLOADER).json().path(0).path("code").asText();
    }

    private static int lastStagedRow(Api api, String upload) {
        JsonNode page = api.get("/api/imports/" + upload + "/rows?size=1", UPLOADER).json();
        long total = page.path("totalElements").asLong();
        JsonNode last = api.get("/api/imports/" + upload + "/rows?size=1&page=" + (total - 1), UPLOADER).json();
        return last.path("content").path(0).path("row").asInt();
    }

    private static long activeMembers(Api api, String orgCode) {
        Api.Response page = api.get("/api/members?orgCode=" + orgCode + "&status=ACTIVE&size=1", ADMIN);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        return page.json().path("totalElements").asLong();
    }
}
