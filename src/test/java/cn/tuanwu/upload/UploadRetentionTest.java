package cn.tuanwu.upload;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tuanwu.identity.Groups;
import cn.tuanwu.support.Api;
import cn.tuanwu.support.IdNumbers;
import cn.tuanwu.support.TestFixtures;
import cn.tuanwu.support.TuanwuTest;
import cn.tuanwu.support.Workbooks;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** An ended upload keeps its file and its members' data for the retention (90 days), then only counts and codes. */
@TuanwuTest
class UploadRetentionTest {

    private static final Instant UPLOADED_AT = Instant.parse("2027-03-10T02:00:00Z");

    @LocalServerPort
    int port;
    @Autowired
    TestFixtures fixtures;
    @Autowired
    ManagementService managementService;
    @Autowired
    UploadRetention retention;
    @Autowired
    JdbcTemplate jdbc;

    Api api;
    Api.Login uploader;
    Api.Login reviewer;
    String street;
    String branch;

    @BeforeEach
    void setUp() {
        ClockUtil.setCurrentTime(Date.from(UPLOADED_AT));
        api = new Api(port);
        TestFixtures.Tree tree = fixtures.tree();
        street = tree.streetA();
        branch = tree.branchA();
        uploader = fixtures.adminOf(tree.streetA());
        reviewer = fixtures.user(Groups.reviewersOf(tree.districtA()));
    }

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void anEndedUploadLosesItsFileAndPersonalDataAfterTheRetentionAPendingOneNever() {
        String rejectedId = IdNumbers.next(LocalDate.of(2002, 4, 5));
        String rejected = upload(List.of(Workbooks.member("孙一", rejectedId, branch, "13812340001"),
                Workbooks.member("孙二", "110105194912310021", branch, "13812340002")));
        Api.Response decided = api.post("/api/imports/" + rejected + "/decision",
                "{\"approved\": false, \"comment\": \"请核对\"}", reviewer);
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        String pendingId = IdNumbers.next(LocalDate.of(2002, 4, 6));
        String pending = upload(List.of(Workbooks.member("孙三", pendingId, branch, "13812340003")));

        at(UPLOADED_AT.plus(Duration.ofDays(89)));
        retention.purgeDue();
        assertThat(api.get("/api/imports/" + rejected, uploader).json().path("purgedAt").isNull()).isTrue();
        assertThat(api.download("/api/imports/" + rejected + "/errors.xlsx", uploader)).isNotEmpty();

        at(UPLOADED_AT.plus(Duration.ofDays(91)));
        assertThat(retention.purgeDue()).isPositive();
        assertThat(retention.purgeDue()).as("a second run finds nothing of it").isZero();

        JsonNode status = api.get("/api/imports/" + rejected, uploader).json();
        assertThat(status.path("status").asText()).isEqualTo("REJECTED");
        assertThat(status.path("purgedAt").asText()).isNotEmpty();
        assertThat(status.path("counts").path("NEW").asInt()).as("the counts stay").isEqualTo(1);
        Api.Response report = api.get("/api/imports/" + rejected + "/errors.xlsx", uploader);
        assertThat(report.status()).isEqualTo(410);
        assertThat(report.code()).isEqualTo("ERROR_REPORT_DELETED");
        JsonNode rows = api.get("/api/imports/" + rejected + "/rows?outcome=REJECTED", uploader).json();
        assertThat(rows.path("content").get(0).path("errors").get(0).path("code").asText())
                .as("outcomes and codes stay").isEqualTo("E_ID_CHECKSUM");

        assertThat(count("SELECT COUNT(*) FROM upload_file WHERE upload_id = ?", rejected)).isZero();
        assertThat(count("""
                SELECT COUNT(*) FROM upload_row WHERE upload_id = ? AND (cells IS NOT NULL OR id_number IS NOT NULL
                  OR name IS NOT NULL OR phone IS NOT NULL OR birth_date IS NOT NULL OR joined_league IS NOT NULL)""",
                rejected)).as("staged rows with personal data left").isZero();
        assertThat(count("SELECT COUNT(*) FROM upload_row WHERE upload_id = ? AND org_code = ?", rejected, branch))
                .as("each row's organisation stays for the reports").isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM audit_entry WHERE action = 'PURGE_UPLOAD_DATA' AND subject_id = ?", rejected))
                .isEqualTo(1);

        assertThat(api.get("/api/imports/" + pending, uploader).json().path("status").asText()).isEqualTo("AWAITING_REVIEW");
        assertThat(count("SELECT COUNT(*) FROM upload_file WHERE upload_id = ?", pending)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM upload_row WHERE upload_id = ? AND id_number = ?", pending, pendingId))
                .as("an upload awaiting review keeps what its reviewer needs").isEqualTo(1);
    }

    private void at(Instant now) {
        ClockUtil.setCurrentTime(Date.from(now));
    }

    private long count(String sql, Object... parameters) {
        return jdbc.queryForObject(sql, Long.class, parameters);
    }

    /** Uploads as the street's admin and runs the parse job: the upload then awaits review. */
    private String upload(List<List<Object>> rows) {
        Api.Response accepted = api.upload("/api/imports?orgCode=" + street, "m.xlsx", Workbooks.xlsx(Workbooks.HEADERS, rows),
                uploader);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        managementService.executeJob(managementService.createJobQuery()
                .processInstanceId(accepted.json().path("processInstanceId").asText()).singleResult().getId());
        String id = accepted.json().path("id").asText();
        assertThat(api.get("/api/imports/" + id, uploader).json().path("status").asText()).isEqualTo("AWAITING_REVIEW");
        return id;
    }
}
