package cn.tuanwu.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tuanwu.identity.Groups;
import cn.tuanwu.shared.Dialect;
import cn.tuanwu.shared.IdNumber;
import cn.tuanwu.support.Api;
import cn.tuanwu.support.TestFixtures;
import cn.tuanwu.support.TuanwuTest;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** GET /api/orgs/{code}/unregistered.xlsx (未登录详情): who gets it, what it lists, how phones go out, the audit. */
@TuanwuTest
class UnregisteredExportTest {

    private static final String FORMULA_NAME = "=1+2";

    @Autowired TestFixtures fixtures;
    @Autowired JdbcTemplate jdbc;
    @Autowired Dialect dialect;
    @Autowired Clock clock;
    @LocalServerPort int port;

    private Api api;
    private TestFixtures.Tree tree;
    private String first;
    private String second;
    private String inStreet;

    @BeforeEach
    void membersInAndAroundTheStreet() {
        api = new Api(port);
        ReportData data = new ReportData(jdbc, dialect);
        tree = fixtures.tree();
        Instant now = Instant.now();
        first = data.member(tree.branchA(), "张三", "13911112222", true, false, "SUPPLEMENT", now);
        second = data.member(tree.branchA(), FORMULA_NAME, "13933334444", true, false, "SUPPLEMENT", now);
        inStreet = data.member(tree.streetA(), "王五", "13955556666", true, false, "SUPPLEMENT", now);
        // Left out: registered, transferred out, above the street, in another district.
        data.member(tree.branchA(), "已登录", "13900000001", true, true, "SUPPLEMENT", now);
        data.member(tree.branchA(), "已转出", "13900000002", false, false, "SUPPLEMENT", now);
        data.member(tree.districtA(), "区直属", "13900000003", true, false, "SUPPLEMENT", now);
        data.member(tree.districtB(), "乙区", "13900000004", true, false, "SUPPLEMENT", now);
    }

    @Test
    void theOrganisationsOwnAdminsGetEveryUnregisteredActiveMemberOfTheSubtreeWithFullPhones() throws IOException {
        Api.Login admin = fixtures.adminOf(tree.streetA());
        Api.Download download = api.fetch(path(tree.streetA()), admin);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.header("Content-Type")).startsWith(Downloads.XLSX);
        String day = LocalDate.now(clock).toString();
        assertThat(download.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"unregistered-" + tree.streetA() + "-" + day + ".xlsx\"; "
                        + "filename*=UTF-8''%E6%9C%AA%E7%99%BB%E5%BD%95%E8%AF%A6%E6%83%85-" + tree.streetA() + "-" + day + ".xlsx");

        try (XSSFWorkbook workbook = ProgressApiTest.read(download.body())) {
            Sheet sheet = workbook.getSheet(UnregisteredExport.SHEET_NAME);
            assertThat(ProgressApiTest.texts(sheet.getRow(0)))
                    .containsExactly("姓名", "身份证号", "手机号码", "所在团组织编码", "所在团组织名称");
            assertThat(workbook.getFontAt(sheet.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(rows(sheet)).containsExactlyInAnyOrder(
                    List.of("张三", IdNumber.mask(first), "13911112222", tree.branchA(), "测试甲区某街道第一团支部"),
                    List.of(FORMULA_NAME, IdNumber.mask(second), "13933334444", tree.branchA(), "测试甲区某街道第一团支部"),
                    List.of("王五", IdNumber.mask(inStreet), "13955556666", tree.streetA(), "测试甲区某街道团工委"));
            // By organisation: the street's own member before its branch's.
            assertThat(sheet.getRow(1).getCell(3).getStringCellValue()).isEqualTo(tree.streetA());
            Cell formulaLike = cellWith(sheet, FORMULA_NAME);
            assertThat(formulaLike.getCellType()).isEqualTo(CellType.STRING);
            assertThat(formulaLike.getCellStyle().getQuotePrefixed()).isTrue();
        }
        assertThat(audit(admin)).containsExactly(Map.of("subject_type", "organisation", "subject_id", tree.streetA(),
                "org_code", tree.streetA(), "detail", "3 members, phones full"));
    }

    @Test
    void adminsAboveAndCitySupervisorsGetMaskedPhones() throws IOException {
        Api.Login districtAdmin = fixtures.adminOf(tree.districtA());
        Api.Login supervisor = fixtures.supervisor();
        for (Api.Login login : List.of(districtAdmin, supervisor)) {
            try (XSSFWorkbook workbook = ProgressApiTest.read(api.fetch(path(tree.streetA()), login).body())) {
                assertThat(rows(workbook.getSheetAt(0))).extracting(row -> row.get(2))
                        .containsExactlyInAnyOrder("139****2222", "139****4444", "139****6666");
            }
            assertThat(audit(login)).extracting(entry -> entry.get("detail")).containsExactly("3 members, phones masked");
        }
        // A district's own export reaches the whole district, its own member included, and nothing beside it.
        try (XSSFWorkbook workbook = ProgressApiTest.read(api.fetch(path(tree.districtA()), districtAdmin).body())) {
            List<List<String>> rows = rows(workbook.getSheetAt(0));
            assertThat(rows).hasSize(4).extracting(row -> row.get(0)).contains("区直属").doesNotContain("乙区");
            assertThat(rows).extracting(row -> row.get(2)).contains("13900000003");
        }
    }

    @Test
    void nobodyElseGetsIt() {
        List<Api.Login> refused = List.of(fixtures.adminOf(tree.districtB()), fixtures.adminOf(tree.branchA()),
                fixtures.user(Groups.reviewersOf(tree.streetA())), fixtures.user(Groups.reviewersOf(tree.districtA())),
                fixtures.user());
        for (Api.Login login : refused) {
            Api.Response response = api.fetch(path(tree.streetA()), login).asResponse();
            assertThat(response.status()).isEqualTo(403);
            assertThat(response.code()).isEqualTo("OUT_OF_SCOPE");
            assertThat(audit(login)).isEmpty();
        }
        Api.Response unknown = api.fetch(path(TestFixtures.unique("NONE")), fixtures.supervisor()).asResponse();
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("ORG_NOT_FOUND");
    }

    private static String path(String code) {
        return "/api/orgs/" + code + "/unregistered.xlsx";
    }

    private List<Map<String, Object>> audit(Api.Login login) {
        return jdbc.queryForList("SELECT subject_type, subject_id, org_code, detail FROM audit_entry "
                + "WHERE user_id = ? AND action = 'EXPORT_UNREGISTERED'", login.userId()).stream()
                .map(entry -> {
                    Map<String, Object> lower = new java.util.HashMap<>();
                    entry.forEach((key, value) -> lower.put(key.toLowerCase(java.util.Locale.ROOT), value));
                    return lower;
                }).toList();
    }

    private static List<List<String>> rows(Sheet sheet) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; i <= sheet.getLastRowNum(); i++) {
            rows.add(ProgressApiTest.texts(sheet.getRow(i)));
        }
        return rows;
    }

    private static Cell cellWith(Sheet sheet, String text) {
        for (int i = 1; i <= sheet.getLastRowNum(); i++) {
            Cell cell = sheet.getRow(i).getCell(0);
            if (text.equals(cell.getStringCellValue())) {
                return cell;
            }
        }
        throw new AssertionError("no row named " + text);
    }
}
