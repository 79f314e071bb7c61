package cn.tuanwu.upload;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tuanwu.identity.Groups;
import cn.tuanwu.support.Api;
import cn.tuanwu.support.IdNumbers;
import cn.tuanwu.support.TestFixtures;
import cn.tuanwu.support.TuanwuTest;
import cn.tuanwu.support.Workbooks;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@TuanwuTest
class UploadApiTest {

    @LocalServerPort
    int port;
    @Autowired
    TestFixtures fixtures;
    @Autowired
    ManagementService managementService;
    Api api;
    TestFixtures.Tree tree;
    Api.Login admin;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        tree = fixtures.tree();
        admin = fixtures.adminOf(tree.districtA());
    }

    @Test
    void onlyTheOrganisationsAdminsAndCitySupervisorsUpload() {
        byte[] file = Workbooks.xlsx(Workbooks.HEADERS, List.of());
        assertThat(api.upload("/api/imports?orgCode=" + tree.districtA(), "a.xlsx", file, null).status()).isEqualTo(401);
        Api.Response otherDistrict = api.upload("/api/imports?orgCode=" + tree.districtA(), "a.xlsx", file,
                fixtures.adminOf(tree.districtB()));
        assertThat(otherDistrict.status()).isEqualTo(403);
        assertThat(otherDistrict.code()).isEqualTo("OUT_OF_SCOPE");
        Api.Response reviewerOnly = api.upload("/api/imports?orgCode=" + tree.districtA(), "a.xlsx", file,
                fixtures.user(Groups.reviewersOf(tree.districtA())));
        assertThat(reviewerOnly.status()).isEqualTo(403);
        assertThat(api.upload("/api/imports?orgCode=" + tree.districtA(), "a.xlsx", file, fixtures.supervisor()).status())
                .isEqualTo(202);
        assertThat(api.upload("/api/imports?orgCode=" + tree.streetA(), "a.xlsx", file, admin).status())
                .as("an admin uploads for organisations below theirs too").isEqualTo(202);
    }

    @Test
    void theWrongKindOfFileIsTurnedAwayAtTheDoor() {
        Api.Response pdf = api.upload("/api/imports?orgCode=" + tree.districtA(), "members.xlsx",
                "%PDF-1.4\n%âãÏÓ\n1 0 obj".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), admin);
        assertThat(pdf.status()).isEqualTo(415);
        assertThat(pdf.code()).isEqualTo("F_NOT_SPREADSHEET");
        assertThat(api.upload("/api/imports?orgCode=" + tree.districtA(), "empty.xlsx", new byte[0], admin).status())
                .isEqualTo(415);
    }

    @Test
    void aFileOverTheLimitIs413() {
        byte[] big = new byte[52428800 + 1];
        big[0] = 'P';
        big[1] = 'K';
        Api.Response response = api.upload("/api/imports?orgCode=" + tree.districtA(), "big.xlsx", big, admin);
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.code()).isEqualTo("F_TOO_LARGE");
    }

    @Test
    void rowsAndTheErrorReportSayWhatToFix() throws Exception {
        String good = IdNumbers.next(LocalDate.of(2001, 1, 1));
        List<List<Object>> rows = new ArrayList<>();
        rows.add(Workbooks.member("钱一", good, tree.branchA(), "13812345678"));
        rows.add(Workbooks.member("钱二", "110105194912310021", tree.branchA(), "13812345678"));
        rows.add(List.of("钱三", IdNumbers.next(LocalDate.of(2001, 2, 2)), "", "火星族", "共青团员", "本科", "2015-05",
                "=HYPERLINK(\"x\")", tree.branchA(), "团员", "", ""));
        rows.add(Workbooks.member("钱四", good, tree.branchA(), "13812345678"));
        String id = upload(rows);

        JsonNode status = api.get("/api/imports/" + id, admin).json();
        assertThat(status.path("counts").path("NEW").asInt()).isEqualTo(1);
        assertThat(status.path("counts").path("REJECTED").asInt()).isEqualTo(3);
        assertThat(status.path("uploadedBy").asText()).isEqualTo(admin.userId());

        JsonNode rejected = api.get("/api/imports/" + id + "/rows?outcome=REJECTED", admin).json();
        assertThat(rejected.path("totalElements").asInt()).isEqualTo(3);
        assertThat(rejected.path("content").get(0).path("row").asInt()).isEqualTo(3);
        assertThat(rejected.path("content").get(0).path("errors").get(0).path("code").asText()).isEqualTo("E_ID_CHECKSUM");
        List<String> thirdRowCodes = new ArrayList<>();
        rejected.path("content").get(1).path("errors").forEach(error -> thirdRowCodes.add(error.path("code").asText()));
        assertThat(thirdRowCodes).contains("E_ETHNICITY", "E_PHONE");
        assertThat(rejected.path("content").get(2).path("errors").get(0).path("code").asText()).isEqualTo("E_DUPLICATE_IN_FILE");
        assertThat(rejected.path("content").get(2).path("errors").get(0).path("message").asText()).contains("第 2 行");
        assertThat(rejected.toString()).doesNotContain(good).doesNotContain("钱");

        byte[] report = api.download("/api/imports/" + id + "/errors.xlsx", admin);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(report))) {
            Sheet sheet = workbook.getSheetAt(0);
            Row header = sheet.getRow(0);
            List<String> headers = new ArrayList<>();
            header.forEach(cell -> headers.add(cell.getStringCellValue()));
            assertThat(headers).startsWith("姓名", "身份证号").contains("行号", "结果", "错误说明");
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
            for (Row row : sheet) {
                for (Cell cell : row) {
                    assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA);
                }
            }
        }
    }

    @Test
    void theTemplateHasTheStandardsHeaders() throws Exception {
        byte[] template = api.download("/api/imports/template.xlsx", admin);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            Row header = workbook.getSheet("团员信息").getRow(0);
            List<String> headers = new ArrayList<>();
            header.forEach(cell -> headers.add(cell.getStringCellValue()));
            assertThat(headers).isEqualTo(Workbooks.HEADERS);
        }
    }

    @Test
    void anotherOrganisationsUploadIsOutOfScope() {
        String id = upload(List.of(Workbooks.member("郑一", IdNumbers.next(LocalDate.of(2001, 1, 5)), tree.branchA(),
                "13812345678")));
        Api.Login other = fixtures.adminOf(tree.districtB());
        for (String path : new String[] {"", "/rows", "/errors.xlsx"}) {
            Api.Response response = api.get("/api/imports/" + id + path, other);
            assertThat(response.status()).as(path).isEqualTo(403);
            assertThat(response.code()).as(path).isEqualTo("OUT_OF_SCOPE");
        }
        assertThat(api.get("/api/imports/no-such-upload", admin).code()).isEqualTo("UPLOAD_NOT_FOUND");
    }

    /** Uploads as the district admin and runs the parse job. */
    private String upload(List<List<Object>> rows) {
        Api.Response accepted = api.upload("/api/imports?orgCode=" + tree.districtA(), "m.xlsx",
                Workbooks.xlsx(Workbooks.HEADERS, rows), admin);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        Job parse = managementService.createJobQuery()
                .processInstanceId(accepted.json().path("processInstanceId").asText()).singleResult();
        managementService.executeJob(parse.getId());
        return accepted.json().path("id").asText();
    }
}
