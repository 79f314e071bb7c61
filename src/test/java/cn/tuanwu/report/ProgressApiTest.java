package cn.tuanwu.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tuanwu.identity.Groups;
import cn.tuanwu.organisation.Category;
import cn.tuanwu.organisation.Organisations;
import cn.tuanwu.organisation.Organisations.NewOrganisation;
import cn.tuanwu.shared.Dialect;
import cn.tuanwu.supervision.CampaignFigures;
import cn.tuanwu.supervision.Figures;
import cn.tuanwu.supervision.SubmissionWindow;
import cn.tuanwu.support.Api;
import cn.tuanwu.support.TestFixtures;
import cn.tuanwu.support.TuanwuTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** GET /api/campaigns/{year}/progress and progress.xlsx: shape, scope, figures and the spreadsheet. */
@TuanwuTest
class ProgressApiTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final List<String> ROW_FIELDS = List.of("orgCode", "orgName", "category", "windowStart", "windowEnd",
            "state", "outcome", "escalationLevel", "figures");
    private static final List<String> FIGURE_FIELDS = List.of("activeMembers", "uploadedInWindow", "updatedInWindow",
            "transferredOutInWindow", "newStudents", "newEmployees", "newlyDeveloped", "registered", "unregistered",
            "registrationRate", "pendingReviews", "overAgeActive");
    private static final String FORMULA_NAME = "=HYPERLINK(\"http://example.org\",\"点我\")";

    @Autowired TestFixtures fixtures;
    @Autowired Organisations organisations;
    @Autowired CampaignFigures campaignFigures;
    @Autowired JdbcTemplate jdbc;
    @Autowired Dialect dialect;
    @LocalServerPort int port;

    private Api api;
    private TestFixtures.Tree tree;
    private String college;
    private String sector;
    private int year;
    private SubmissionWindow september;
    private SubmissionWindow august;

    @BeforeEach
    void campaignWithFourOrganisations() {
        api = new Api(port);
        ReportData data = new ReportData(jdbc, dialect);
        tree = fixtures.tree();
        // Codes that sort before the districts': the rows must still come by category first.
        college = TestFixtures.unique("AC");
        sector = TestFixtures.unique("AS");
        organisations.create(List.of(
                new NewOrganisation(college, FORMULA_NAME, fixtures.cityCode(), Category.COLLEGE, null),
                new NewOrganisation(sector, "测试大口团工委", fixtures.cityCode(), Category.SECTOR, null)));
        year = data.newCampaign();
        september = new SubmissionWindow(LocalDate.of(year, 9, 1), LocalDate.of(year, 9, 30));
        august = new SubmissionWindow(LocalDate.of(year, 8, 1), LocalDate.of(year, 8, 31));

        Instant inWindow = LocalDate.of(year, 9, 10).atStartOfDay(SHANGHAI).toInstant();
        Instant lastYear = LocalDate.of(year - 1, 5, 1).atStartOfDay(SHANGHAI).toInstant();
        data.member(tree.branchA(), "张三", "13900000001", true, false, "NEW_STUDENT", inWindow);
        data.member(tree.branchA(), "李四", "13900000002", true, true, "NEW_EMPLOYEE", inWindow);
        data.member(tree.branchA(), "王五", "13900000003", true, false, "SUPPLEMENT", lastYear);
        data.member(tree.branchA(), "赵六", "13900000004", false, false, "SUPPLEMENT", inWindow);
        data.member(tree.districtB(), "钱七", "13900000005", true, false, "NEWLY_DEVELOPED", inWindow);
        data.upload(tree.branchA(), "APPLIED", inWindow, List.of("NEW", "UPDATED", "REJECTED"));
        data.upload(tree.streetA(), "AWAITING_REVIEW", inWindow, List.of("NEW"));

        data.supervision(year, tree.districtA(), september.firstDay(), september.lastDay(), "OPEN", null, 0);
        data.supervision(year, tree.districtB(), september.firstDay(), september.lastDay(), "DONE", "ON_TIME", 0);
        data.supervision(year, college, september.firstDay(), september.lastDay(), "NOT_OPEN", null, 0);
        data.supervision(year, sector, august.firstDay(), august.lastDay(), "ESCALATED", null, 1);
    }

    @Test
    void supervisorsSeeEveryOrganisationOfTheCampaignByCategoryThenCode() {
        Api.Response response = api.get(path(), fixtures.supervisor());
        assertThat(response.status()).isEqualTo(200);
        JsonNode rows = response.json();
        assertThat(codes(rows)).containsExactly(tree.districtA(), tree.districtB(), college, sector);
        for (JsonNode row : rows) {
            assertThat(fields(row)).containsExactlyInAnyOrderElementsOf(ROW_FIELDS);
            assertThat(fields(row.get("figures"))).containsExactlyInAnyOrderElementsOf(FIGURE_FIELDS);
        }

        JsonNode districtA = rows.get(0);
        assertThat(districtA.get("orgName").asText()).isEqualTo("测试甲区团委");
        assertThat(districtA.get("category").asText()).isEqualTo("DISTRICT");
        assertThat(districtA.get("windowStart").asText()).isEqualTo(year + "-09-01");
        assertThat(districtA.get("windowEnd").asText()).isEqualTo(year + "-09-30");
        assertThat(districtA.get("state").asText()).isEqualTo("OPEN");
        assertThat(districtA.get("outcome").isNull()).isTrue();
        assertThat(districtA.get("escalationLevel").asInt()).isZero();
        assertThat(figuresOf(districtA)).usingRecursiveComparison()
                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .isEqualTo(new Figures(3, 1, 1, 1, 1, 1, 0, 1, 2, new BigDecimal("0.3333"), 1, 0));

        JsonNode districtB = rows.get(1);
        assertThat(districtB.get("state").asText()).isEqualTo("DONE");
        assertThat(districtB.get("outcome").asText()).isEqualTo("ON_TIME");
        assertThat(rows.get(2).get("orgName").asText()).isEqualTo(FORMULA_NAME);
        assertThat(rows.get(2).get("category").asText()).isEqualTo("COLLEGE");
        JsonNode sectorRow = rows.get(3);
        assertThat(sectorRow.get("state").asText()).isEqualTo("ESCALATED");
        assertThat(sectorRow.get("escalationLevel").asInt()).isEqualTo(1);
        assertThat(sectorRow.get("windowStart").asText()).isEqualTo(year + "-08-01");
    }

    @Test
    void theFiguresAreCampaignFiguresOfEachOrganisationAgainstItsOwnWindow() {
        JsonNode rows = api.get(path(), fixtures.supervisor()).json();
        Map<String, SubmissionWindow> windows = Map.of(tree.districtA(), september, tree.districtB(), september,
                college, september, sector, august);
        for (JsonNode row : rows) {
            String code = row.get("orgCode").asText();
            Figures expected = campaignFigures.ofSubtree(organisations.require(code), year, windows.get(code));
            assertThat(figuresOf(row)).as(code).usingRecursiveComparison()
                    .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).isEqualTo(expected);
        }
        assertThat(figuresOf(rows.get(1)).newlyDeveloped()).isEqualTo(1);
        assertThat(figuresOf(rows.get(3))).usingRecursiveComparison()
                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).isEqualTo(Figures.NONE);
    }

    @Test
    void adminsAndReviewersSeeOnlyTheTopLevelOrganisationsInTheirScope() {
        assertThat(codes(api.get(path(), fixtures.adminOf(tree.districtA())).json())).containsExactly(tree.districtA());
        assertThat(codes(api.get(path(), fixtures.user(Groups.reviewersOf(tree.districtB()))).json()))
                .containsExactly(tree.districtB());
        assertThat(codes(api.get(path(), fixtures.user(Groups.adminsOf(sector), Groups.adminsOf(tree.districtB()))).json()))
                .containsExactly(tree.districtB(), sector);
    }

    @Test
    void theAdminOfALowerOrganisationSeesNoRows() throws IOException {
        Api.Response response = api.get(path(), fixtures.adminOf(tree.streetA()));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json()).isEmpty();
        Api.Download spreadsheet = api.fetch(path() + ".xlsx", fixtures.adminOf(tree.branchA()));
        assertThat(spreadsheet.status()).isEqualTo(200);
        try (XSSFWorkbook workbook = read(spreadsheet.body())) {
            List<Row> rows = dataRows(workbook.getSheetAt(0));
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0).getCell(0).getStringCellValue()).isEqualTo("合计");
            assertThat(rows.get(0).getCell(8).getNumericCellValue()).isZero();
        }
    }

    @Test
    void aUserWithoutAScopeIsRefusedAndAYearWithoutACampaignIsNotFound() {
        Api.Login outsider = fixtures.user();
        assertThat(api.get(path(), outsider).status()).isEqualTo(403);
        assertThat(api.fetch(path() + ".xlsx", outsider).status()).isEqualTo(403);
        assertThat(api.get(path(), fixtures.user(Groups.REGISTRATION_FEED)).status()).isEqualTo(403);

        String missing = "/api/campaigns/" + new ReportData(jdbc, dialect).yearWithoutCampaign() + "/progress";
        Api.Response notFound = api.get(missing, fixtures.supervisor());
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.code()).isEqualTo("CAMPAIGN_NOT_FOUND");
        assertThat(api.fetch(missing + ".xlsx", fixtures.supervisor()).asResponse().code()).isEqualTo("CAMPAIGN_NOT_FOUND");
    }

    @Test
    void theSpreadsheetHasTheRowsInChineseWithTotalsAndIsAudited() throws IOException {
        Api.Login supervisor = fixtures.supervisor();
        Api.Download download = api.fetch(path() + ".xlsx", supervisor);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.header("Content-Type")).startsWith(Downloads.XLSX);
        assertThat(download.header("Content-Disposition")).contains("filename*=UTF-8''" + year + "%E5%B9%B4");

        try (XSSFWorkbook workbook = read(download.body())) {
            Sheet sheet = workbook.getSheet(ProgressWorkbook.SHEET_NAME);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).startsWith(year + " 年").contains("生成时间：");
            assertThat(texts(sheet.getRow(1))).containsExactly("组织代码", "组织名称", "类别", "报送开始", "报送截止", "状态",
                    "结果", "督办级别", "团员总数", "窗口内新增", "窗口内更新", "窗口内转出", "新入学", "新入职", "新发展", "已登录",
                    "未登录", "登录率", "待审核上传", "超龄未转出");
            assertThat(workbook.getFontAt(sheet.getRow(1).getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 2);

            List<Row> rows = dataRows(sheet);
            assertThat(rows).hasSize(5);
            Row districtA = rows.get(0);
            assertThat(texts(districtA).subList(0, 7)).containsExactly(tree.districtA(), "测试甲区团委", "团区委",
                    year + "-09-01", year + "-09-30", "报送中", "");
            assertThat(numbers(districtA, 7, 17)).containsExactly(0.0, 3.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.0, 1.0, 2.0);
            Cell rate = districtA.getCell(17);
            assertThat(rate.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(rate.getNumericCellValue()).isEqualTo(0.3333);
            assertThat(rate.getCellStyle().getDataFormatString()).isEqualTo("0.00%");
            assertThat(numbers(districtA, 18, 20)).containsExactly(1.0, 0.0);

            assertThat(texts(rows.get(1)).subList(5, 7)).containsExactly("已结束", "按时完成");
            Cell formulaLike = rows.get(2).getCell(1);
            assertThat(formulaLike.getCellType()).isEqualTo(CellType.STRING);
            assertThat(formulaLike.getStringCellValue()).isEqualTo(FORMULA_NAME);
            assertThat(formulaLike.getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(texts(rows.get(3)).subList(2, 6)).containsExactly("大口团工委", year + "-08-01", year + "-08-31", "督办中");
            assertThat(rows.get(3).getCell(7).getNumericCellValue()).isEqualTo(1.0);

            Row totals = rows.get(4);
            assertThat(totals.getCell(0).getStringCellValue()).isEqualTo("合计");
            assertThat(numbers(totals, 8, 17)).containsExactly(4.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 3.0);
            assertThat(totals.getCell(17).getNumericCellValue()).isEqualTo(0.25);
            assertThat(totals.getCell(17).getCellStyle().getDataFormatString()).isEqualTo("0.00%");
            assertThat(numbers(totals, 18, 20)).containsExactly(1.0, 0.0);
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE user_id = ? AND action = 'EXPORT_PROGRESS' "
                + "AND subject_type = 'campaign' AND subject_id = ?", Integer.class, supervisor.userId(), String.valueOf(year)))
                .isEqualTo(1);
    }

    @Test
    void anAdminsSpreadsheetHoldsOnlyTheirOrganisation() throws IOException {
        try (XSSFWorkbook workbook = read(api.fetch(path() + ".xlsx", fixtures.adminOf(tree.districtB())).body())) {
            List<Row> rows = dataRows(workbook.getSheetAt(0));
            assertThat(rows).hasSize(2);
            assertThat(rows.get(0).getCell(0).getStringCellValue()).isEqualTo(tree.districtB());
            assertThat(rows.get(1).getCell(0).getStringCellValue()).isEqualTo("合计");
            assertThat(rows.get(1).getCell(8).getNumericCellValue()).isEqualTo(1.0);
        }
    }

    private String path() {
        return "/api/campaigns/" + year + "/progress";
    }

    private static Figures figuresOf(JsonNode row) {
        try {
            return new ObjectMapper().treeToValue(row.get("figures"), Figures.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> codes(JsonNode rows) {
        List<String> codes = new ArrayList<>();
        rows.forEach(row -> codes.add(row.get("orgCode").asText()));
        return codes;
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        Iterator<String> iterator = node.fieldNames();
        iterator.forEachRemaining(names::add);
        return names;
    }

    static XSSFWorkbook read(byte[] bytes) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(bytes));
    }

    /** The rows below the title and the header. */
    private static List<Row> dataRows(Sheet sheet) {
        List<Row> rows = new ArrayList<>();
        for (int i = 2; i <= sheet.getLastRowNum(); i++) {
            rows.add(sheet.getRow(i));
        }
        return rows;
    }

    static List<String> texts(Row row) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < row.getLastCellNum(); i++) {
            Cell cell = row.getCell(i);
            texts.add(cell == null || cell.getCellType() != CellType.STRING ? "" : cell.getStringCellValue());
        }
        return texts;
    }

    private static List<Double> numbers(Row row, int from, int to) {
        List<Double> numbers = new ArrayList<>();
        for (int i = from; i < to; i++) {
            numbers.add(row.getCell(i).getNumericCellValue());
        }
        return numbers;
    }
}
