package cn.tuanwu.crash;

import static cn.tuanwu.crash.CrashSteps.awaitUploadStatus;
import static cn.tuanwu.crash.CrashSteps.millisSince;
import static cn.tuanwu.crash.CrashSteps.single;
import static cn.tuanwu.crash.CrashSteps.sleep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import cn.tuanwu.support.Api;
import cn.tuanwu.support.TestProfiles;
import cn.tuanwu.support.Workbooks;
import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The JVM SIGKILLed at the three other moments where work is in flight ({@link ApplyCrashIT} kills the
 * apply): while {@code parseUpload} stages a file, while {@code applyTransfer} transfers members out, and
 * while the outbox hands e-mails to the mail server. One database and four nodes, each started after the
 * one before it was killed, as an operator restarts a crashed server. After each restart the work
 * finishes: every upload ends in a final state with exactly the staged rows, the transfer is applied
 * whole (and was not half-applied at the kill), every e-mail arrives, and the one the server had accepted
 * when the sender died arrives again with the same Message-ID (SMTP cannot be exactly-once; the copy is
 * recognisable as one e-mail). No copy of an uploaded file is left on disk.
 *
 * <p>Runs with Failsafe after {@code package}, on H2 files or (with {@code -Dtuanwu.test.db=postgres}) a
 * scratch PostgreSQL database, like {@link ApplyCrashIT}.
 */
class CrashMatrixIT {

    private static final String ADMIN_PASSWORD = "Crash-Matrix-2026!";
    private static final Api.Login ADMIN = new Api.Login("admin", ADMIN_PASSWORD);
    private static final Api.Login UPLOADER = new Api.Login("matrix-uploader", "Upl0ad-Secret-2026!");
    private static final Api.Login REVIEWER = new Api.Login("matrix-reviewer", "Rev1ew-Secret-2026!");

    /** Members of the big upload; staging them takes seconds, so the kill lands inside it. */
    private static final int ROWS = 20_000;
    /** Uploads rejected at the end, each e-mailed to the uploader while the mail server's answers are held. */
    private static final int REJECTED = 8;
    /** A killed node's jobs and e-mail claims wait this long before another node takes them over. */
    private static final Duration LOCK_TIME = Duration.ofSeconds(10);
    private static final Duration LEASE = Duration.ofSeconds(15);
    /** How long the relay holds the server's "accepted" back: the window in which the sender is killed. */
    private static final Duration HOLD = Duration.ofSeconds(5);

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final Path logs = Path.of("target", "crash-matrix");
    private final Path scratch = logs.resolve("scratch");
    private Database database;
    private GreenMail mail;
    private SlowSmtpRelay relay;
    private final List<Node> nodes = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        deleteTree(scratch);
        Files.createDirectories(scratch);
        database = TestProfiles.onPostgres() ? Database.postgresScratch() : Database.h2File();
        mail = new GreenMail(new ServerSetup(Node.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        relay = new SlowSmtpRelay(mail.getSmtp().getPort());
    }

    @AfterEach
    void tearDown() throws Exception {
        for (Node node : nodes) {
            node.stop();
        }
        if (relay != null) {
            relay.close();
        }
        if (mail != null) {
            mail.stop();
        }
        if (database != null) {
            database.drop();
        }
    }

    @Test
    void killedWhileParsingTransferringAndSendingNothingIsLostHalfAppliedOrLeftOnDisk() throws Exception {
        long testStarted = System.nanoTime();
        Node first = start("node-1");
        Api api = first.api();
        String street = organisations(api);

        // 1. Killed while parseUpload reads and stages the file.
        LocalDate today = LocalDate.now(SHANGHAI);
        List<List<Object>> rows = new ArrayList<>(ROWS);
        for (int i = 0; i < ROWS; i++) {
            rows.add(CrashSteps.row(CrashSteps.idNumber(today, i), i, "137", street));
        }
        String big = upload(api, street, "big.xlsx", rows);
        first.awaitLogged("Upload " + big + " staging", Duration.ofSeconds(60));
        sleep(150);
        first.kill();
        assertThat(first.log()).as("node-1 never finished staging").doesNotContain("Upload " + big + " staged");
        List<Path> leftByFirst = scratchFiles();
        assertThat(leftByFirst).as("the killed node's copy of the file, still on disk").isNotEmpty();

        long restarting = System.nanoTime();
        Node second = start("node-2");
        api = second.api();
        assertThat(leftByFirst).as("node-2 deleted what node-1 left").noneMatch(Files::exists);
        JsonNode staged = awaitUploadStatus(api, UPLOADER, big, "AWAITING_REVIEW", LOCK_TIME.plusSeconds(120));
        long parsedIn = millisSince(restarting);
        assertThat(staged.path("counts").path("NEW").asInt()).as(staged.toString()).isEqualTo(ROWS);
        assertThat(staged.path("counts").path("REJECTED").asInt()).as(staged.toString()).isZero();
        assertThat(api.get("/api/imports/" + big + "/rows?size=1", UPLOADER).json().path("totalElements").asLong())
                .as("rows staged once").isEqualTo(ROWS);
        decide(api, "/api/imports/" + big, true);
        awaitUploadStatus(api, UPLOADER, big, "APPLIED", Duration.ofSeconds(180));

        // 2. Killed while applyTransfer sets them transferred out.
        JsonNode requested = requestTransfer(api, street, memberIds(api, street));
        String transfer = requested.path("id").asText();
        decide(api, "/api/transfer-outs/" + transfer, true);
        second.awaitLogged("Transfer " + transfer + " applying", Duration.ofSeconds(60));
        second.kill();
        assertThat(second.log()).as("node-2 never finished the transfer").doesNotContain("Transfer " + transfer + " applied");
        try (Connection db = database.connect()) {
            assertThat(single(db, "SELECT COUNT(*) FROM member WHERE org_code = ? AND status = 'TRANSFERRED_OUT'", street))
                    .as("members transferred out when the transfer's node died: a transfer is all or nothing").isZero();
        }

        restarting = System.nanoTime();
        Node third = start("node-3");
        api = third.api();
        awaitTransferApplied(api, transfer, LOCK_TIME.plusSeconds(90));
        long transferredIn = millisSince(restarting);
        assertThat(members(api, street, "TRANSFERRED_OUT")).isEqualTo(ROWS);
        assertThat(members(api, street, "ACTIVE")).isZero();

        // 3. Killed while the server has accepted an e-mail that the node has not yet recorded as sent.
        // The e-mails so far (applied, transferred) are out before the mail server slows down.
        awaitEmailSent(api, processOf(api, big), LEASE.plusSeconds(60));
        awaitEmailSent(api, requested.path("processInstanceId").asText(), LEASE.plusSeconds(60));
        int before = mail.getReceivedMessages().length;
        relay.holdAcceptance(HOLD);
        List<String> rejected = new ArrayList<>();
        for (int i = 0; i < REJECTED; i++) {
            String id = upload(api, street, "reject-" + i + ".xlsx",
                    List.of(CrashSteps.row(CrashSteps.idNumber(today, ROWS + i), ROWS + i, "136", street)));
            awaitUploadStatus(api, UPLOADER, id, "AWAITING_REVIEW", Duration.ofSeconds(60));
            decide(api, "/api/imports/" + id, false);
            rejected.add(id);
        }
        int acceptedBeforeWatch = mail.getReceivedMessages().length;
        long deadline = System.nanoTime() + HOLD.multipliedBy(REJECTED).plusSeconds(30).toNanos();
        while (mail.getReceivedMessages().length == acceptedBeforeWatch) {
            if (System.nanoTime() > deadline) {
                fail("no e-mail accepted after %d of %d: the sender is not sending", acceptedBeforeWatch - before, REJECTED);
            }
            sleep(5);
        }
        third.kill();
        int acceptedAtKill = mail.getReceivedMessages().length - before;
        assertThat(acceptedAtKill).as("e-mails the server had accepted at the kill: all were sent before it")
                .isLessThan(REJECTED);
        relay.holdAcceptance(Duration.ZERO);

        restarting = System.nanoTime();
        Node fourth = start("node-4");
        api = fourth.api();
        List<JsonNode> emails = new ArrayList<>();
        for (String id : rejected) {
            emails.add(awaitEmailSent(api, processOf(api, id), LEASE.plusSeconds(90)));
        }
        long mailedIn = millisSince(restarting);
        Map<String, Long> copies = Arrays.stream(mail.getReceivedMessages()).skip(before)
                .collect(Collectors.groupingBy(CrashMatrixIT::messageId, TreeMap::new, Collectors.counting()));
        List<String> expected = emails.stream().map(n -> "<notification." + n.path("id").asLong() + "@").toList();
        assertThat(copies.keySet().stream().map(id -> id.substring(0, id.indexOf('@') + 1)).toList())
                .as("one Message-ID per rejection e-mail, every one received").containsExactlyInAnyOrderElementsOf(expected);
        long sentAgain = copies.values().stream().mapToLong(n -> n - 1).sum();
        assertThat(sentAgain).as("copies: the e-mail accepted but unrecorded at the kill went out again, nothing else")
                .isBetween(1L, 2L);
        assertThat(api.get("/engine-rest/incident", ADMIN).json()).as("incidents").isEmpty();

        fourth.stop();
        try (Connection db = database.connect()) {
            assertThat(single(db, "SELECT COUNT(*) FROM upload WHERE status IN ('VALIDATING', 'APPLYING')"))
                    .as("uploads not in a final state").isZero();
            assertThat(single(db, "SELECT COUNT(*) FROM upload_row WHERE upload_id = ?", big)).isEqualTo(ROWS);
            assertThat(single(db, "SELECT COUNT(*) FROM member WHERE org_code = ?", street)).isEqualTo(ROWS);
            assertThat(single(db, "SELECT COUNT(*) - COUNT(DISTINCT id_number) FROM member")).as("ID numbers twice").isZero();
            assertThat(single(db, "SELECT COUNT(*) FROM notification WHERE channel = 'EMAIL' AND status <> 'SENT'"))
                    .as("e-mails not sent").isZero();
            assertThat(single(db, "SELECT COUNT(*) - COUNT(DISTINCT dedup_key) FROM notification")).isZero();
        }
        assertThat(scratchFiles()).as("copies of uploaded files left on disk").isEmpty();
        for (Node node : nodes) {
            assertNoPersonalData(node, rows);
        }

        System.out.printf(Locale.ROOT, "CrashMatrixIT on %s: parse of %d rows killed and staged by the next node %d ms "
                        + "after its start; transfer of %d killed before its commit and applied %d ms after the next start; "
                        + "%d e-mails accepted when the sender was killed, all %d delivered %d ms after the next start, %d sent "
                        + "again with the same Message-ID; whole test %d ms%n", database.kind(), ROWS, parsedIn, ROWS,
                transferredIn, acceptedAtKill, REJECTED, mailedIn, sentAgain, millisSince(testStarted));
    }

    private Node start(String name) throws Exception {
        Node node = Node.start(name, logs.resolve(name + ".log"), database, ADMIN_PASSWORD, List.of(
                "--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_TIME.toMillis(),
                "--tuanwu.notifications.lease=" + LEASE.toSeconds() + "s",
                "--tuanwu.notifications.poll-interval=2s",
                "--tuanwu.upload.scratch-dir=" + scratch.toAbsolutePath(),
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + relay.port()));
        nodes.add(node);
        node.awaitHealthy(Duration.ofSeconds(240));
        CrashSteps.awaitLogin(node, name, ADMIN);
        return node;
    }

    /** A district and its street committee; the uploader administers the street, the reviewer reviews the district. */
    private static String organisations(Api api) {
        CrashSteps.DistrictAndStreet orgs = CrashSteps.districtWithStreet(api, ADMIN, "KILL", "崩溃矩阵");
        String district = orgs.district();
        String street = orgs.street();
        CrashSteps.createUser(api, ADMIN, UPLOADER, List.of("org-" + street + "-admins"));
        CrashSteps.createUser(api, ADMIN, REVIEWER, List.of("org-" + district + "-reviewers"));
        return street;
    }

    private static String upload(Api api, String orgCode, String fileName, List<List<Object>> rows) {
        Api.Response accepted = api.upload("/api/imports?orgCode=" + orgCode, fileName,
                Workbooks.xlsx(Workbooks.HEADERS, rows), UPLOADER);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        return accepted.json().path("id").asText();
    }

    /** The reviewer's decision on an upload or a transfer ({@code path} is the thing's own address). */
    private static void decide(Api api, String path, boolean approved) {
        Api.Response decided = api.post(path + "/decision",
                "{\"approved\": " + approved + ", \"comment\": \"" + (approved ? "同意" : "请核对后重新上传") + "\"}", REVIEWER);
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
    }

    private static List<Long> memberIds(Api api, String orgCode) {
        List<Long> ids = new ArrayList<>(ROWS);
        for (int page = 0; ; page++) {
            JsonNode json = api.get("/api/members?orgCode=" + orgCode + "&status=ACTIVE&size=200&page=" + page, UPLOADER)
                    .json();
            json.path("content").forEach(member -> ids.add(member.path("id").asLong()));
            if (page + 1 >= json.path("totalPages").asInt()) {
                assertThat(ids).hasSize(ROWS);
                return ids;
            }
        }
    }

    private static JsonNode requestTransfer(Api api, String orgCode, List<Long> memberIds) {
        Api.Response requested = api.post("/api/transfer-outs", """
                {"orgCode": "%s", "reason": "LEFT_ORG", "memberIds": %s}""".formatted(orgCode, memberIds), UPLOADER);
        assertThat(requested.status()).as(requested.body()).isEqualTo(202);
        return requested.json();
    }

    private static void awaitTransferApplied(Api api, String transfer, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = api.get("/api/transfer-outs/" + transfer, UPLOADER).json();
            if ("APPLIED".equals(last.path("status").asText())) {
                return;
            }
            sleep(100);
        }
        fail("transfer %s not applied after %s: %s", transfer, timeout, last);
    }

    private static long members(Api api, String orgCode, String status) {
        return api.get("/api/members?orgCode=" + orgCode + "&status=" + status + "&size=1", UPLOADER).json()
                .path("totalElements").asLong();
    }

    private static String processOf(Api api, String upload) {
        return api.get("/api/imports/" + upload, UPLOADER).json().path("processInstanceId").asText();
    }

    /** The one e-mail of a process instance, once it is SENT. */
    private static JsonNode awaitEmailSent(Api api, String processInstanceId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<JsonNode> emails = List.of();
        while (System.nanoTime() < deadline) {
            emails = notifications(api, "&processInstanceId=" + processInstanceId).stream()
                    .filter(n -> "EMAIL".equals(n.path("channel").asText())).toList();
            if (emails.size() == 1 && "SENT".equals(emails.get(0).path("status").asText())) {
                return emails.get(0);
            }
            assertThat(emails).as("e-mails of " + processInstanceId).hasSizeLessThanOrEqualTo(1);
            sleep(250);
        }
        return fail("e-mail of %s not sent after %s: %s", processInstanceId, timeout, emails);
    }

    private static List<JsonNode> notifications(Api api, String filter) {
        JsonNode json = api.get("/api/notifications?size=200" + filter, ADMIN).json();
        assertThat(json.path("totalPages").asInt()).as("notifications fit one page").isLessThanOrEqualTo(1);
        return StreamSupport.stream(json.path("content").spliterator(), false).toList();
    }

    /** The node's whole log (start-up, work, failures) names no member, ID number or phone of the uploads. */
    private static void assertNoPersonalData(Node node, List<List<Object>> rows) {
        String log = node.log();
        java.util.Set<String> idNumbers = rows.stream().map(row -> row.get(1).toString()).collect(Collectors.toSet());
        java.util.Set<String> phones = rows.stream().map(row -> row.get(7).toString()).collect(Collectors.toSet());
        java.util.regex.Matcher digits = java.util.regex.Pattern.compile("\\d{11,18}[0-9Xx]?").matcher(log);
        while (digits.find()) {
            String found = digits.group();
            assertThat(idNumbers.stream().anyMatch(found::contains) || phones.stream().anyMatch(found::contains))
                    .as("an ID number or phone in the log of " + node).isFalse();
        }
        assertThat(log).as("members' names (测试…) in a node's log").doesNotContain("测试");
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Files in the nodes' scratch directories other than their lock files. */
    private List<Path> scratchFiles() throws Exception {
        try (Stream<Path> files = Files.walk(scratch)) {
            return files.filter(Files::isRegularFile).filter(file -> !file.getFileName().toString().equals(".owner")).toList();
        }
    }

    private static void deleteTree(Path directory) throws Exception {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
