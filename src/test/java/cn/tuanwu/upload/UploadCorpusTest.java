package cn.tuanwu.upload;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tuanwu.support.Api;
import cn.tuanwu.support.IdNumbers;
import cn.tuanwu.support.TestFixtures;
import cn.tuanwu.support.TuanwuTest;
import cn.tuanwu.support.Workbooks;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Real-world bad files, each uploaded through the API and parsed by the process's job, with the
 * outcome and code an organisation admin would see.
 */
@TuanwuTest
class UploadCorpusTest {

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

    private String id() {
        return IdNumbers.next(LocalDate.of(2001, 4, 5));
    }

    private List<Object> row(String idNumber) {
        return new ArrayList<>(Workbooks.member("测试", idNumber, tree.branchA(), "13812345678"));
    }

    @Test
    void anIdColumnStoredAsNumbersHasLostItsDigits() {
        List<Object> row = row(id());
        row.set(1, 110105200104051234.0);
        assertFirstRow(Workbooks.xlsx(Workbooks.HEADERS, List.of(row)), "REJECTED", "E_ID_NUMERIC");
    }

    @Test
    void lowerCaseXAndFullWidthDigitsAreFolded() {
        String withX = idEndingInX();
        assertFirstRow(Workbooks.xlsx(Workbooks.HEADERS, List.of(row(withX.toLowerCase()))), "NEW", null);
        StringBuilder fullWidth = new StringBuilder();
        for (char c : id().toCharArray()) {
            fullWidth.append(c == 'X' ? 'Ｘ' : (char) (c - '0' + '０'));
        }
        assertFirstRow(Workbooks.xlsx(Workbooks.HEADERS, List.of(row(fullWidth.toString()))), "NEW", null);
    }

    @Test
    void fifteenDigitIdsAndWrongCheckDigitsAreRejected() {
        assertFirstRow(Workbooks.xlsx(Workbooks.HEADERS, List.of(row("110105010405123"))), "REJECTED", "E_ID_LENGTH");
        String valid = id();
        char wrong = valid.charAt(17) == '1' ? '2' : '1';
        assertFirstRow(Workbooks.xlsx(Workbooks.HEADERS, List.of(row(valid.substring(0, 17) + wrong))), "REJECTED",
                "E_ID_CHECKSUM");
    }

    @Test
    void aMergedTitleAboveTheHeaderAndBlankRowsInTheMiddle() {
        byte[] file = workbook(workbook -> {
            Sheet sheet = workbook.createSheet("团员信息");
            sheet.createRow(0).createCell(0).setCellValue("某街道团员信息登记表");
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 11));
            fill(sheet.createRow(1), new ArrayList<>(Workbooks.HEADERS));
            fill(sheet.createRow(2), row(id()));
            fill(sheet.createRow(5), row(id()));
        });
        String upload = uploadAndParse("merged.xlsx", file);
        JsonNode rows = api.get("/api/imports/" + upload + "/rows", admin).json().path("content");
        assertThat(rows.get(0).path("row").asInt()).isEqualTo(3);
        assertThat(rows.get(1).path("row").asInt()).as("the row number Excel shows").isEqualTo(6);
        assertThat(rows.get(1).path("outcome").asText()).isEqualTo("NEW");
    }

    @Test
    void extraColumnsAreWarnedAndMissingOnesFailTheFile() {
        List<String> headers = new ArrayList<>(Workbooks.HEADERS);
        headers.add("备注");
        List<Object> row = row(id());
        row.add("无");
        String upload = uploadAndParse("extra.xlsx", Workbooks.xlsx(headers, List.of(row)));
        JsonNode status = api.get("/api/imports/" + upload, admin).json();
        assertThat(status.path("counts").path("NEW").asInt()).isEqualTo(1);
        assertThat(status.path("warnings").asInt()).isEqualTo(1);

        List<String> missing = new ArrayList<>(Workbooks.HEADERS);
        missing.remove("民族");
        assertFailed(Workbooks.xlsx(missing, List.of()), "F_MISSING_COLUMNS", "民族");
        assertFailed(Workbooks.xlsx(List.of("姓名", "电话"), List.of(List.of("张三", "13812345678"))), "F_MISSING_COLUMNS", null);
        assertFailed(Workbooks.xlsx(Workbooks.HEADERS, List.of()), "F_NO_DATA", null);
    }

    @Test
    void formulasCountByTheirValue() {
        byte[] file = workbook(workbook -> {
            Sheet sheet = workbook.createSheet("团员信息");
            fill(sheet.createRow(0), new ArrayList<>(Workbooks.HEADERS));
            Row data = sheet.createRow(1);
            fill(data, row(id()));
            data.createCell(7).setCellFormula("\"138\"&\"12345678\"");
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
        });
        assertFirstRow(file, "NEW", null);
    }

    @Test
    void joinDatesAsDateCellsAndInEveryWrittenForm() {
        for (String written : new String[] {"2017-09", "2017.09", "2017/9", "2017年9月", "201709", "2017-09-01", "2017年9月1日"}) {
            List<Object> row = row(id());
            row.set(6, written);
            assertFirstRow(Workbooks.xlsx(Workbooks.HEADERS, List.of(row)), "NEW", null);
        }
        byte[] dateCell = workbook(workbook -> {
            Sheet sheet = workbook.createSheet("团员信息");
            fill(sheet.createRow(0), new ArrayList<>(Workbooks.HEADERS));
            Row data = sheet.createRow(1);
            fill(data, row(id()));
            CellStyle style = workbook.createCellStyle();
            style.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm"));
            data.createCell(6).setCellValue(java.time.LocalDate.of(2017, 9, 1));
            data.getCell(6).setCellStyle(style);
        });
        assertFirstRow(dateCell, "NEW", null);
        List<Object> serial = row(id());
        serial.set(6, 42979);
        assertFirstRow(Workbooks.xlsx(Workbooks.HEADERS, List.of(serial)), "NEW", null);
        List<Object> nonsense = row(id());
        nonsense.set(6, "去年秋天");
        assertFirstRow(Workbooks.xlsx(Workbooks.HEADERS, List.of(nonsense)), "REJECTED", "E_JOIN_DATE_FORMAT");
    }

    @Test
    void aRenamedPdfIsTurnedAwayAndAnEncryptedWorkbookFails() throws Exception {
        Api.Response pdf = api.upload("/api/imports?orgCode=" + tree.districtA(), "members.xlsx",
                "%PDF-1.7\n1 0 obj << >> endobj\n".getBytes(StandardCharsets.ISO_8859_1), admin);
        assertThat(pdf.status()).isEqualTo(415);
        assertThat(pdf.code()).isEqualTo("F_NOT_SPREADSHEET");

        byte[] plain = Workbooks.xlsx(Workbooks.HEADERS, List.of(row(id())));
        POIFSFileSystem fs = new POIFSFileSystem();
        Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
        encryptor.confirmPassword("secret");
        try (OPCPackage opc = OPCPackage.open(new ByteArrayInputStream(plain)); OutputStream os = encryptor.getDataStream(fs)) {
            opc.save(os);
        }
        ByteArrayOutputStream encrypted = new ByteArrayOutputStream();
        fs.writeFilesystem(encrypted);
        assertFailed(encrypted.toByteArray(), "F_ENCRYPTED", null);
    }

    @Test
    void aZipBombIsRefusedWithoutInflatingIt() throws IOException {
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bomb)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 300; i++) {
                zip.write(spaces);
            }
        }
        assertThat(bomb.size()).isLessThan(2_000_000);
        assertFailed(bomb.toByteArray(), "F_UNSAFE", null);
    }

    @Test
    void oldExcelAndGb18030CsvAreReadLikeXlsx() throws IOException {
        byte[] xls;
        try (HSSFWorkbook workbook = new HSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("团员信息");
            fill(sheet.createRow(0), new ArrayList<>(Workbooks.HEADERS));
            fill(sheet.createRow(1), row(id()));
            workbook.write(out);
            xls = out.toByteArray();
        }
        assertFirstRow("members.xls", xls, "NEW", null);

        String csv = String.join(",", Workbooks.HEADERS) + "\r\n"
                + String.join(",", row(id()).stream().map(String::valueOf).toList()) + "\r\n";
        assertFirstRow("members.csv", csv.getBytes(Charset.forName("GB18030")), "NEW", null);
        assertFirstRow("members-utf8.csv", ("\uFEFF" + csv).getBytes(StandardCharsets.UTF_8), "NEW", null);
    }

    private String idEndingInX() {
        while (true) {
            String candidate = id();
            if (candidate.endsWith("X")) {
                return candidate;
            }
        }
    }

    private void assertFirstRow(byte[] xlsx, String outcome, String code) {
        assertFirstRow("members.xlsx", xlsx, outcome, code);
    }

    private void assertFirstRow(String name, byte[] file, String outcome, String code) {
        String upload = uploadAndParse(name, file);
        JsonNode status = api.get("/api/imports/" + upload, admin).json();
        assertThat(status.path("status").asText()).as(status.toString()).isIn("AWAITING_REVIEW", "NOTHING_TO_APPLY");
        JsonNode first = api.get("/api/imports/" + upload + "/rows", admin).json().path("content").get(0);
        assertThat(first.path("outcome").asText()).as(first.toString()).isEqualTo(outcome);
        if (code != null) {
            List<String> codes = new ArrayList<>();
            first.path("errors").forEach(error -> codes.add(error.path("code").asText()));
            assertThat(codes).contains(code);
        }
    }

    private void assertFailed(byte[] file, String code, String messageMentions) {
        String upload = uploadAndParse("members.xlsx", file);
        JsonNode status = api.get("/api/imports/" + upload, admin).json();
        assertThat(status.path("status").asText()).isEqualTo("FAILED");
        assertThat(status.path("failureCode").asText()).isEqualTo(code);
        if (messageMentions != null) {
            assertThat(status.path("failureMessage").asText()).contains(messageMentions);
        }
    }

    private String uploadAndParse(String name, byte[] file) {
        Api.Response accepted = api.upload("/api/imports?orgCode=" + tree.districtA(), name, file, admin);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        String processInstanceId = accepted.json().path("processInstanceId").asText();
        managementService.executeJob(managementService.createJobQuery().processInstanceId(processInstanceId)
                .singleResult().getId());
        return accepted.json().path("id").asText();
    }

    private static void fill(Row row, List<?> values) {
        for (int c = 0; c < values.size(); c++) {
            Object value = values.get(c);
            if (value instanceof Number number) {
                row.createCell(c).setCellValue(number.doubleValue());
            } else if (value != null && !value.toString().isEmpty()) {
                row.createCell(c).setCellValue(value.toString());
            }
        }
    }

    private static byte[] workbook(Consumer<Workbook> content) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            content.accept(workbook);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
