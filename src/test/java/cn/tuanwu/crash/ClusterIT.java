package cn.tuanwu.crash;

import static cn.tuanwu.crash.CrashSteps.millisSince;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.tuanwu.support.Api;
import cn.tuanwu.support.IdNumbers;
import cn.tuanwu.support.TestProfiles;
import cn.tuanwu.support.Workbooks;
import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two nodes on one PostgreSQL, as in docker-compose, through a campaign's close with one node
 * SIGKILLed while the close runs: the survivor finishes, and every escalation is still notified,
 * tasked exactly once and e-mailed once per Message-ID (a copy the survivor sends
 * again after the dead node's unrecorded send carries the same one), every timer fires once and nothing ends in an incident.
 *
 * <p>Runs with Failsafe after {@code package}, only with {@code -Dtuanwu.test.db=postgres} (a cluster on
 * H2 files is not a thing), on a scratch database beside {@code DB_URL}'s, dropped after. Both nodes run
 * the job executor with the application's settings, except a job lock time of {@link #LOCK_TIME}
 * instead of 5 minutes and an outbox lease of {@link #LEASE} instead of 5 minutes: what the killed node
 * had locked or claimed waits that long, and the test would otherwise wait 5 minutes.
 */
class ClusterIT {

    private static final String ADMIN_PASSWORD = "Cluster-Test-2026!";
    private static final Api.Login ADMIN = new Api.Login("admin", ADMIN_PASSWORD);
    private static final Api.Login SUPERVISOR = new Api.Login("cluster-supervisor", "Sup3rvise-Secret-2026!");
    private static final Api.Login UPLOADER = new Api.Login("cluster-uploader", "Upl0ad-Secret-2026!");
    private static final Api.Login REVIEWER = new Api.Login("cluster-reviewer", "Rev1ew-Secret-2026!");
    private static final Api.Login FEED = new Api.Login("cluster-feed", "Fe3d-Secret-2026!");

    private static final Duration LOCK_TIME = Duration.ofSeconds(20);
    private static final Duration LEASE = Duration.ofSeconds(40);
    /** Behind organisations: the first two have members that registered nothing, the rest none at all. */
    private static final int BEHIND = 7;
    private static final int MEMBERS = 5;

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ZoneOffset PLUS_8 = ZoneOffset.ofHours(8);

    private final Path logs = Path.of("target", "cluster-it");
    private Database database;
    private GreenMail mail;
    private final List<Node> nodes = new ArrayList<>();
    /** Copies of an e-mail the survivor sent again (same Message-ID) after the killed node had sent it. */
    private int resent;

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue(TestProfiles.onPostgres(), "a cluster needs a shared database: run with -Dtuanwu.test.db=postgres");
        Files.createDirectories(logs);
        database = Database.postgresScratch();
        mail = new GreenMail(new ServerSetup(Node.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
    }

    @AfterEach
    void tearDown() throws Exception {
        for (Node node : nodes) {
            node.stop();
        }
        if (mail != null) {
            mail.stop();
        }
        if (database != null) {
            database.drop();
        }
    }

    @Test
    void aNodeKilledAtTheCloseLeavesEveryEscalationNotifiedAndTaskedExactlyOnce() throws Exception {
        long testStarted = System.nanoTime();
        // On a brand-new database the engine creates its schema without a lock: one node first (README).
        Node a = start("node-a");
        Node b = start("node-b");
        long startedIn = millisSince(testStarted);
        Api api = a.api();

        int year = LocalDate.now(SHANGHAI).getYear() + 1;
        moveClocks(OffsetDateTime.of(year, 1, 10, 10, 0, 0, 0, PLUS_8), b, a);

        String city = api.get("/api/orgs", ADMIN).json().path(0).path("code").asText();
        String prefix = "C" + UUID.randomUUID().toString().substring(0, 4).toUpperCase(Locale.ROOT);
        String onTrack = prefix + "00";
        List<String> behind = new ArrayList<>();
        StringBuilder orgs = new StringBuilder("[");
        for (int i = 0; i <= BEHIND; i++) {
            String code = prefix + String.format(Locale.ROOT, "%02d", i);
            if (i > 0) {
                behind.add(code);
                orgs.append(',');
            }
            orgs.append("""
                    {"code": "%s", "name": "集群测试%d区团委", "parentCode": "%s", "category": "DISTRICT",
                     "contactEmail": "%s@example.org"}""".formatted(code, i, city, code.toLowerCase(Locale.ROOT)));
        }
        Api.Response created = api.post("/api/orgs", orgs.append(']').toString(), ADMIN);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        List<String> all = new ArrayList<>(List.of(onTrack));
        all.addAll(behind);
        CrashSteps.createUser(api, ADMIN, SUPERVISOR, List.of("city-supervisors"));
        CrashSteps.createUser(api, ADMIN, UPLOADER, all.stream().map(code -> "org-" + code + "-admins").toList());
        CrashSteps.createUser(api, ADMIN, REVIEWER, List.of("org-" + city + "-reviewers"));
        CrashSteps.createUser(api, ADMIN, FEED, List.of("registration-feed"));

        // Members before the window: they count as members, not as submitted in the window.
        for (String code : behind.subList(0, 2)) {
            upload(api, code, members(code, MEMBERS));
        }

        Api.Response started = api.post("/api/campaigns", "{\"year\": " + year + "}", SUPERVISOR);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        awaitProgress(api, year, all, "NOT_OPEN"::equals, Duration.ofSeconds(60));

        moveClocks(OffsetDateTime.of(year, 9, 1, 0, 0, 5, 0, PLUS_8), b, a);
        awaitProgress(api, year, all, "OPEN"::equals, Duration.ofSeconds(60));
        // The one on track submits in the window and every member registers.
        List<String> idNumbers = members(onTrack, MEMBERS).stream().map(row -> row.get(1).toString()).toList();
        upload(api, onTrack, members(onTrack, idNumbers));
        for (String idNumber : idNumbers) {
            Api.Response registered = api.post("/api/registrations", "{\"idNumber\": \"" + idNumber + "\"}", FEED);
            assertThat(registered.status()).as(registered.body()).isEqualTo(200);
        }

        // The reminders, on both nodes (a jump straight to the close would let the close end a window whose
        // reminder had not yet run: the model then drops it, rightly, and the reminder never fires).
        moveClocks(OffsetDateTime.of(year, 9, 24, 0, 0, 5, 0, PLUS_8), b, a);
        awaitZero(api, "/engine-rest/job/count?processDefinitionKey=org-supervision&activityId=reminderDue",
                Duration.ofSeconds(60));

        // The close: node-b reaches it first and dies while holding the close jobs it acquired (its executor
        // locks a whole acquisition at once); then the survivor's clock reaches the close too.
        long closing = System.nanoTime();
        OffsetDateTime close = OffsetDateTime.of(year, 10, 1, 0, 0, 5, 0, PLUS_8);
        moveClocks(close, b);
        Map<String, String> lockedAtKill = Map.of();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (lockedAtKill.isEmpty() && System.nanoTime() < deadline) {
            lockedAtKill = lockedJobs();
        }
        b.kill();
        long killedAfter = millisSince(closing);
        moveClocks(close, a);
        // The survivor finishes its own jobs in well under this; what stays locked was the dead node's.
        Thread.sleep(5000);
        Map<String, String> stillLocked = lockedJobs();
        Map<String, Long> heldByKilled = lockedAtKill.entrySet().stream()
                .filter(job -> job.getValue().equals(stillLocked.get(job.getKey())))
                .collect(Collectors.groupingBy(Map.Entry::getValue, TreeMap::new, Collectors.counting()));
        assertThat(heldByKilled).as("jobs node-b held when it died (none: the kill came too early or too late; locked "
                + "at the kill, per owner: " + byOwner(lockedAtKill) + ")").hasSize(1);
        assertThat(count(api, "/engine-rest/job/count?processDefinitionKey=org-supervision&activityId=windowCloses"))
                .as("close jobs the dead node still holds").isPositive();
        Map<String, JsonNode> assessed = awaitProgress(api, year, all, state -> state.equals("ESCALATED") || state.equals("DONE"),
                LOCK_TIME.plusSeconds(90));
        long assessedIn = millisSince(closing);

        assertThat(assessed.get(onTrack).path("state").asText()).as(assessed.get(onTrack).toString()).isEqualTo("DONE");
        assertThat(assessed.get(onTrack).path("outcome").asText()).isEqualTo("ON_TIME");
        for (String code : behind) {
            assertThat(assessed.get(code).path("state").asText()).as(assessed.get(code).toString()).isEqualTo("ESCALATED");
            assertThat(assessed.get(code).path("escalationLevel").asInt()).isEqualTo(1);
        }

        // Every timer of every supervision fired once, none is left, no incident anywhere.
        for (String timer : List.of("windowOpens", "reminderDue", "windowCloses")) {
            JsonNode fired = api.get("/engine-rest/history/activity-instance?activityId=" + timer, ADMIN).json();
            Map<String, Long> perInstance = StreamSupport.stream(fired.spliterator(), false)
                    .collect(Collectors.groupingBy(node -> node.path("processInstanceId").asText(), Collectors.counting()));
            assertThat(perInstance).as(timer + " per supervision").hasSize(all.size());
            assertThat(perInstance.values()).as(timer + " fired once per supervision").containsOnly(1L);
        }
        assertThat(count(api, "/engine-rest/job/count?processDefinitionKey=org-supervision&activityId=windowCloses"))
                .as("supervisions still waiting for the close").isZero();
        assertThat(api.get("/engine-rest/incident", ADMIN).json()).as("incidents").isEmpty();

        // One 整改 per escalated organisation.
        JsonNode tasks = api.get("/engine-rest/task?processDefinitionKey=org-supervision&taskDefinitionKey=remediate", ADMIN)
                .json();
        Map<String, Long> tasksPerOrg = StreamSupport.stream(tasks.spliterator(), false)
                .collect(Collectors.groupingBy(task -> orgOfInstance(api, task.path("processInstanceId").asText()),
                        TreeMap::new, Collectors.counting()));
        assertThat(tasksPerOrg.keySet()).as("organisations with a remediate task").containsExactlyInAnyOrderElementsOf(behind);
        assertThat(tasksPerOrg.values()).as("remediate tasks per organisation").containsOnly(1L);

        // Level 1: once per recipient of each escalated organisation, in the outbox and in the mailbox.
        Map<String, List<JsonNode>> levelOne = awaitLevelOneSent(api, Duration.ofSeconds(30).plus(LEASE));
        long sentIn = millisSince(closing);
        Map<String, String> instanceOrg = new LinkedHashMap<>();
        for (String instance : levelOne.keySet()) {
            instanceOrg.put(instance, orgOfInstance(api, instance));
        }
        assertThat(instanceOrg.values()).as("organisations notified at level 1").containsExactlyInAnyOrderElementsOf(behind);
        String supervisorEmail = SUPERVISOR.userId() + "@example.org";
        int emails = 0;
        for (Map.Entry<String, List<JsonNode>> entry : levelOne.entrySet()) {
            String code = instanceOrg.get(entry.getKey());
            Map<String, Long> perRecipient = entry.getValue().stream()
                    .collect(Collectors.groupingBy(n -> n.path("channel").asText() + ":" + n.path("recipient").asText(),
                            TreeMap::new, Collectors.counting()));
            assertThat(perRecipient).as("level-1 notifications of " + code).containsKeys(
                    "EMAIL:" + code.toLowerCase(Locale.ROOT) + "@example.org", "EMAIL:" + supervisorEmail,
                    "INBOX:org-" + code + "-admins", "INBOX:city-supervisors");
            assertThat(perRecipient.values()).as("level-1 notifications per recipient of " + code).containsOnly(1L);
            for (JsonNode notification : entry.getValue()) {
                if ("EMAIL".equals(notification.path("channel").asText())) {
                    String to = notification.path("recipient").asText();
                    String subject = notification.path("subject").asText();
                    assertThat(received(to, subject)).as("e-mails to " + to + ": " + subject).isEqualTo(1);
                    emails++;
                }
            }
        }

        System.out.printf(Locale.ROOT, "ClusterIT on %s: both nodes up in %d ms; node-b SIGKILLed %d ms after its clock "
                        + "reached the close (jobs locked then, per owner: %s; still locked by the dead node 5 s later: %s); %d of %d supervisions escalated, all assessed "
                        + "%d ms after the close, %d level-1 e-mails, each one Message-ID (%d sent again by the survivor), by %d ms; whole test %d ms%n",
                database.kind(), startedIn, killedAfter, byOwner(lockedAtKill), heldByKilled, behind.size(), all.size(), assessedIn, emails, resent, sentIn,
                millisSince(testStarted));
    }

    private Node start(String name) throws Exception {
        Node node = Node.start(name, logs.resolve(name + ".log"), database, ADMIN_PASSWORD, List.of(
                "--tuanwu.clock.adjustable=true",
                "--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_TIME.toMillis(),
                "--tuanwu.notifications.lease=" + LEASE.toSeconds() + "s",
                "--tuanwu.notifications.poll-interval=2s",
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + mail.getSmtp().getPort()));
        nodes.add(node);
        node.awaitHealthy(Duration.ofSeconds(240));
        CrashSteps.awaitLogin(node, name, ADMIN);
        return node;
    }

    /** Each node offsets its own engine clock: move them all, the one to be killed first. */
    private static void moveClocks(OffsetDateTime now, Node... nodes) {
        for (Node node : nodes) {
            Api.Response moved = node.api().put("/api/admin/clock", "{\"now\": \"" + now + "\"}", ADMIN);
            assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        }
    }

    private static List<List<Object>> members(String orgCode, int count) {
        List<String> idNumbers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            idNumbers.add(IdNumbers.next(LocalDate.of(2004, 3, 1).plusDays(i)));
        }
        return members(orgCode, idNumbers);
    }

    private static List<List<Object>> members(String orgCode, List<String> idNumbers) {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < idNumbers.size(); i++) {
            rows.add(Workbooks.member("测试" + "伟芳娜敏静".charAt(i % 5) + "丽", idNumbers.get(i), orgCode,
                    "139" + String.format(Locale.ROOT, "%08d", Math.floorMod(idNumbers.get(i).hashCode(), 100_000_000))));
        }
        return rows;
    }

    /** Uploads, approves and waits until the rows are in the register. */
    private static void upload(Api api, String orgCode, List<List<Object>> rows) throws InterruptedException {
        Api.Response accepted = api.upload("/api/imports?orgCode=" + orgCode, orgCode + ".xlsx",
                Workbooks.xlsx(Workbooks.HEADERS, rows), UPLOADER);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        String id = accepted.json().path("id").asText();
        CrashSteps.awaitUploadStatus(api, UPLOADER, id, "AWAITING_REVIEW", Duration.ofSeconds(60));
        Api.Response approved = api.post("/api/imports/" + id + "/decision", "{\"approved\": true}", REVIEWER);
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        CrashSteps.awaitUploadStatus(api, UPLOADER, id, "APPLIED", Duration.ofSeconds(60));
    }

    /** Polls the campaign's progress until every organisation's state passes; the rows by organisation. */
    private static Map<String, JsonNode> awaitProgress(Api api, int year, List<String> orgs, Predicate<String> state,
            Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, JsonNode> rows = Map.of();
        while (System.nanoTime() < deadline) {
            Api.Response progress = api.get("/api/campaigns/" + year + "/progress", SUPERVISOR);
            if (progress.status() == 200) {
                rows = StreamSupport.stream(progress.json().spliterator(), false)
                        .collect(Collectors.toMap(row -> row.path("orgCode").asText(), row -> row));
                Map<String, JsonNode> seen = rows;
                if (seen.keySet().containsAll(orgs) && orgs.stream().allMatch(code -> state.test(stateOf(seen, code)))) {
                    return seen;
                }
            }
            Thread.sleep(250);
        }
        return fail("supervisions not there after %s: %s", timeout, rows.values());
    }

    private static String stateOf(Map<String, JsonNode> rows, String code) {
        return rows.get(code).path("state").asText();
    }

    /** Level-1 notifications by process instance, once every one of them is SENT. */
    private static Map<String, List<JsonNode>> awaitLevelOneSent(Api api, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<JsonNode> levelOne = List.of();
        while (System.nanoTime() < deadline) {
            levelOne = notifications(api).stream().filter(n -> n.path("escalationLevel").asInt() == 1).toList();
            if (!levelOne.isEmpty() && levelOne.stream().allMatch(n -> "SENT".equals(n.path("status").asText()))) {
                return levelOne.stream().collect(Collectors.groupingBy(n -> n.path("processInstanceId").asText(),
                        LinkedHashMap::new, Collectors.toList()));
            }
            Thread.sleep(500);
        }
        return fail("level-1 notifications not all SENT after %s: %s", timeout, levelOne);
    }

    private static List<JsonNode> notifications(Api api) {
        List<JsonNode> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode json = api.get("/api/notifications?size=200&page=" + page, SUPERVISOR).json();
            json.path("content").forEach(all::add);
            if (page + 1 >= json.path("totalPages").asInt()) {
                return all;
            }
        }
    }

    private static String orgOfInstance(Api api, String processInstanceId) {
        String businessKey = api.get("/engine-rest/history/process-instance/" + processInstanceId, ADMIN).json()
                .path("businessKey").asText();
        return businessKey.substring(businessKey.indexOf(':') + 1);
    }

    private static void awaitZero(Api api, String countPath, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long left;
        while ((left = count(api, countPath)) > 0) {
            if (System.nanoTime() > deadline) {
                fail("%d left after %s: %s", left, timeout, countPath);
            }
            Thread.sleep(250);
        }
    }

    private static long count(Api api, String path) {
        Api.Response response = api.get(path, ADMIN);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().path("count").asLong();
    }

    /**
     * Distinct e-mails to {@code to} with {@code subject}, told apart by Message-ID: an e-mail the killed
     * node handed to the server but had not yet recorded as SENT is sent again by the survivor with the
     * same Message-ID (SMTP is at least once), and counts once, as a mail client shows it.
     */
    private int received(String to, String subject) throws MessagingException {
        Set<String> messageIds = new HashSet<>();
        for (MimeMessage message : mail.getReceivedMessages()) {
            if (subject.equals(message.getSubject()) && message.getRecipients(Message.RecipientType.TO) != null) {
                for (Address address : message.getRecipients(Message.RecipientType.TO)) {
                    if (address.toString().equalsIgnoreCase(to)) {
                        assertThat(message.getMessageID()).as("Message-ID of an e-mail to " + to).startsWith("<notification.");
                        if (!messageIds.add(message.getMessageID())) {
                            resent++;
                        }
                    }
                }
            }
        }
        return messageIds.size();
    }

    /** Locked jobs by id, each with (the start of) its lock owner: every job executor locks under an id of its own. */
    private Map<String, String> lockedJobs() throws Exception {
        Map<String, String> jobs = new TreeMap<>();
        try (Connection db = database.connect(); Statement statement = db.createStatement();
                ResultSet rs = statement.executeQuery("SELECT id_, lock_owner_ FROM act_ru_job WHERE lock_owner_ IS NOT NULL")) {
            while (rs.next()) {
                String owner = rs.getString(2);
                jobs.put(rs.getString(1), owner.substring(0, Math.min(8, owner.length())));
            }
        }
        return jobs;
    }

    private static Map<String, Long> byOwner(Map<String, String> jobs) {
        return jobs.values().stream().collect(Collectors.groupingBy(owner -> owner, TreeMap::new, Collectors.counting()));
    }

}
