package cn.tuanwu.shared;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import cn.tuanwu.identity.Groups;
import cn.tuanwu.support.Api;
import cn.tuanwu.support.IdNumbers;
import cn.tuanwu.support.TestFixtures;
import cn.tuanwu.support.TuanwuTest;
import cn.tuanwu.support.Workbooks;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 7: a whole cycle (upload with a rejected row, review, apply, lookups, registration, transfer-out,
 * failed uploads and a failing apply job) leaves none of the members' names, ID numbers (nor a 14-digit
 * piece of one) or phones in the application's log, stack traces included.
 */
@TuanwuTest
class PersonalDataLogTest {

    @LocalServerPort
    int port;
    @Autowired
    TestFixtures fixtures;
    @Autowired
    ManagementService managementService;
    @Autowired
    JdbcTemplate jdbc;

    /** Every event as text: message with its arguments, MDC, and the whole stack trace with causes. */
    static final class Capture extends AppenderBase<ILoggingEvent> {

        final StringBuffer text = new StringBuffer();

        @Override
        protected void append(ILoggingEvent event) {
            text.append(event.getLoggerName()).append(' ').append(event.getFormattedMessage()).append(' ')
                    .append(event.getMDCPropertyMap()).append('\n');
            if (event.getThrowableProxy() != null) {
                text.append(ThrowableProxyUtil.asString(event.getThrowableProxy())).append('\n');
            }
        }
    }

    @Test
    void aWholeCycleLogsNoNamesIdNumbersOrPhones() {
        Api api = new Api(port);
        TestFixtures.Tree tree = fixtures.tree();
        Api.Login uploader = fixtures.adminOf(tree.streetA());
        Api.Login reviewer = fixtures.user(Groups.reviewersOf(tree.districtA()));
        Api.Login supervisor = fixtures.supervisor();
        Api.Login feed = fixtures.user(Groups.REGISTRATION_FEED);

        List<String> names = List.of("欧阳娜娜", "司马相如", "买买提·艾力", "诸葛青云");
        List<String> ids = new ArrayList<>();
        List<String> phones = List.of("13911112201", "13911112202", "13911112203", "13911112204");
        for (int i = 0; i < names.size(); i++) {
            ids.add(IdNumbers.next(LocalDate.of(2000 + i, 3, 4)));
        }
        String wrongCheckDigit = ids.get(3).substring(0, 17) + (ids.get(3).charAt(17) == '1' ? '2' : '1');

        Capture capture = new Capture();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        capture.setContext(root.getLoggerContext());
        capture.start();
        root.addAppender(capture);
        try {
            List<List<Object>> rows = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                rows.add(Workbooks.member(names.get(i), ids.get(i), tree.branchA(), phones.get(i)));
            }
            rows.add(Workbooks.member(names.get(3), wrongCheckDigit, tree.branchA(), phones.get(3)));
            String upload = uploadParseAndApprove(api, tree, Workbooks.xlsx(Workbooks.HEADERS, rows), uploader, reviewer);
            assertThat(api.get("/api/imports/" + upload, uploader).json().path("status").asText()).isEqualTo("APPLIED");
            api.fetch("/api/imports/" + upload + "/errors.xlsx", uploader);

            List<Long> memberIds = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                memberIds.add(api.post("/api/members/lookup", "{\"idNumber\": \"" + ids.get(i) + "\"}", supervisor).json()
                        .path("id").asLong());
            }
            api.post("/api/members/lookup", "{\"idNumber\": \"" + wrongCheckDigit + "\"}", supervisor);
            api.post("/api/registrations", "{\"idNumber\": \"" + ids.get(0) + "\"}", feed);
            api.post("/api/registrations", "{\"idNumber\": \"" + ids.get(3) + "\"}", feed);
            api.get("/api/members?q=" + java.net.URLEncoder.encode(names.get(1), StandardCharsets.UTF_8)
                    + "&orgCode=" + tree.districtA(), supervisor);
            api.fetch("/api/orgs/" + tree.branchA() + "/unregistered.xlsx", fixtures.adminOf(tree.branchA()));

            Api.Response transfer = api.post("/api/transfer-outs", "{\"orgCode\": \"" + tree.streetA() + "\", \"memberIds\": "
                    + memberIds + ", \"reason\": \"LEFT_ORG\"}", uploader);
            assertThat(transfer.status()).as(transfer.body()).isEqualTo(202);
            api.post("/api/transfer-outs/" + transfer.json().path("id").asText() + "/decision",
                    "{\"approved\": true, \"comment\": \"同意\"}", reviewer);
            runJobs(transfer.json().path("processInstanceId").asText());

            // Failed uploads whose bytes hold the same people.
            String csv = String.join(",", Workbooks.HEADERS) + "\n" + String.join(",", rows.get(0).stream()
                    .map(String::valueOf).toList()) + "\u0000\n";
            uploadAndParse(api, tree, "bad.csv", csv.getBytes(StandardCharsets.UTF_8), uploader);
            byte[] whole = Workbooks.xlsx(Workbooks.HEADERS, rows);
            uploadAndParse(api, tree, "cut.xlsx", Arrays.copyOf(whole, whole.length - 200), uploader);

            // A failing apply job: a staged row made to lose its name, so that the insert breaks a NOT NULL
            // constraint and the database's message may quote the row (PostgreSQL: "Failing row contains").
            String lateId = IdNumbers.next(LocalDate.of(2002, 6, 7));
            String otherLateId = IdNumbers.next(LocalDate.of(2002, 6, 8));
            ids.add(lateId);
            ids.add(otherLateId);
            String failing = uploadAndParse(api, tree, "late.xlsx", Workbooks.xlsx(Workbooks.HEADERS, List.of(
                    Workbooks.member(names.get(3), lateId, tree.branchA(), phones.get(3)),
                    Workbooks.member(names.get(2), otherLateId, tree.branchA(), phones.get(2)))), uploader);
            assertThat(jdbc.update("UPDATE upload_row SET name = NULL WHERE upload_id = ? AND row_number = 3", failing))
                    .isEqualTo(1);
            api.post("/api/imports/" + failing + "/decision", "{\"approved\": true}", reviewer);
            String failingInstance = api.get("/api/imports/" + failing, uploader).json().path("processInstanceId").asText();
            runJobs(failingInstance);
            assertThat(managementService.createJobQuery().processInstanceId(failingInstance).withException().count())
                    .as("the apply job failed").isPositive();
        } finally {
            root.detachAppender(capture);
            capture.stop();
        }

        String log = capture.text.toString();
        assertThat(log).as("the appender saw the cycle").contains("staged");
        List<String> leaks = new ArrayList<>();
        for (String name : names) {
            if (log.contains(name)) {
                leaks.add("name " + name);
            }
        }
        for (String phone : phones) {
            if (log.contains(phone)) {
                leaks.add("phone " + phone);
            }
        }
        List<String> allIds = new ArrayList<>(ids);
        allIds.add(wrongCheckDigit);
        for (String id : allIds) {
            for (int start = 0; start + 14 <= id.length(); start++) {
                if (log.contains(id.substring(start, start + 14))) {
                    leaks.add("ID fragment of " + id.substring(0, 6) + "…");
                    break;
                }
            }
        }
        assertThat(leaks).as("personal data in the log").isEmpty();
    }

    private String uploadParseAndApprove(Api api, TestFixtures.Tree tree, byte[] file, Api.Login uploader,
            Api.Login reviewer) {
        String upload = uploadAndParse(api, tree, "members.xlsx", file, uploader);
        Api.Response decided = api.post("/api/imports/" + upload + "/decision", "{\"approved\": true}", reviewer);
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        runJobs(decided.json().path("processInstanceId").asText());
        return upload;
    }

    private String uploadAndParse(Api api, TestFixtures.Tree tree, String name, byte[] file, Api.Login uploader) {
        Api.Response accepted = api.upload("/api/imports?orgCode=" + tree.streetA(), name, file, uploader);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        runJobs(accepted.json().path("processInstanceId").asText());
        return accepted.json().path("id").asText();
    }

    /** Executes the instance's due jobs (not its future timers), as the job executor would, failures included. */
    private void runJobs(String processInstanceId) {
        for (int round = 0; round < 10; round++) {
            List<Job> due = managementService.createJobQuery().processInstanceId(processInstanceId).executable().list();
            if (due.isEmpty()) {
                return;
            }
            for (Job job : due) {
                try {
                    managementService.executeJob(job.getId());
                } catch (RuntimeException failing) {
                    // The failing job of the test: what matters is what was logged.
                    managementService.setJobRetries(job.getId(), 0);
                }
            }
        }
    }
}
