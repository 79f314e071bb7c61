package cn.tuanwu.upload;

import static cn.tuanwu.upload.HostileFiles.SHARED_STRINGS;
import static cn.tuanwu.upload.HostileFiles.SHEET;
import static cn.tuanwu.upload.HostileFiles.WORKBOOK;
import static cn.tuanwu.upload.HostileFiles.WORKBOOK_RELS;
import static cn.tuanwu.upload.HostileFiles.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import cn.tuanwu.support.Api;
import cn.tuanwu.support.IdNumbers;
import cn.tuanwu.support.TestFixtures;
import cn.tuanwu.support.TuanwuTest;
import cn.tuanwu.support.Workbooks;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.Charset;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Hostile uploads (issue 7), beside the real-world ones of {@link UploadCorpusTest}: each file is made
 * here, uploaded through the API, parsed by the process's job, and must end with its code in bounded
 * time, leaving the register as it was.
 */
@TuanwuTest
class HostileUploadTest {

    /** Only a hang guard: a file that takes this long is a bug whatever the machine. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(30);

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
        fixtures.member(tree.branchA());
    }

    /** What the uploader is told: refused at the door, failed by the parse job, or one row's outcome. */
    sealed interface Expect {
    }

    record Refused(int status, String code) implements Expect {
    }

    record Failed(String code) implements Expect {
    }

    record FirstRow(String outcome, String code) implements Expect {
    }

    record Case(String name, String fileName, Supplier<byte[]> file, Expect expect) {
    }

    @TestFactory
    Stream<DynamicTest> everyHostileFileEndsWithItsCode() {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.name(),
                () -> assertTimeoutPreemptively(HANG_GUARD, () -> check(c))));
    }

    List<Case> cases() {
        return cases(this);
    }

    private static List<Case> cases(HostileUploadTest t) {
        List<Case> cases = new ArrayList<>();
        String xxe = "<!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>";
        cases.add(new Case("XXE in the sheet XML", "x.xlsx", () -> HostileFiles.editPart(t.valid(), SHEET,
                xml -> HostileFiles.withDoctype(xml, xxe).replace("</sheetData>", "</sheetData><!-- &xxe; -->")),
                new Failed("F_UNSAFE")));
        cases.add(new Case("XXE in sharedStrings", "x.xlsx", () -> HostileFiles.editPart(t.valid(), SHARED_STRINGS,
                xml -> HostileFiles.withDoctype(xml, xxe).replaceFirst("<t>[^<]*</t>", "<t>&xxe;</t>")),
                new Failed("F_UNSAFE")));
        cases.add(new Case("billion laughs", "x.xlsx", () -> HostileFiles.editPart(t.valid(), SHARED_STRINGS,
                xml -> HostileFiles.withDoctype(xml, billionLaughs()).replaceFirst("<t>[^<]*</t>", "<t>&lol9;</t>")),
                new Failed("F_UNSAFE")));
        cases.add(new Case("DOCTYPE in the workbook part", "x.xlsx", () -> HostileFiles.editPart(t.valid(), WORKBOOK,
                xml -> HostileFiles.withDoctype(xml, xxe)), new Failed("F_UNSAFE")));
        cases.add(new Case("2 million tiny shared strings", "x.xlsx", () -> HostileFiles.editPart(t.valid(),
                SHARED_STRINGS, xml -> xml.replace("</sst>", manyStrings(2_000_000) + "</sst>")),
                new FirstRow("NEW", null)));
        cases.add(new Case("one 30 MB shared string in the name", "x.xlsx", () -> HostileFiles.editPart(t.valid(),
                SHARED_STRINGS, xml -> xml.replaceFirst("<t>测试</t>", "<t>" + randomLetters(30_000_000) + "</t>")),
                new FirstRow("REJECTED", "E_NAME_FORMAT")));
        cases.add(new Case("a million empty rows under the header", "x.xlsx", () -> HostileFiles.editPart(
                Workbooks.xlsx(Workbooks.HEADERS, List.of()), SHEET, xml -> xml.replace("</sheetData>",
                        emptyRows(2, 1_000_000) + "</sheetData>").replace("<sheetData/>", "<sheetData>"
                        + emptyRows(2, 1_000_000) + "</sheetData>")), new Failed("F_NO_DATA")));
        cases.add(new Case("a dimension claiming 1,048,576 rows", "x.xlsx", () -> HostileFiles.editPart(t.valid(),
                SHEET, xml -> xml.replaceFirst("<dimension ref=\"[^\"]*\"/>", "<dimension ref=\"A1:XFD1048576\"/>")),
                new FirstRow("NEW", null)));
        cases.add(new Case("10,000 columns in the header row", "x.xlsx", () -> t.wide(10_000),
                new FirstRow("NEW", null)));
        cases.add(new Case("cells of 32,767 characters", "x.xlsx", () -> t.withName("张".repeat(32_767)),
                new FirstRow("REJECTED", "E_NAME_FORMAT")));
        StringBuilder controls = new StringBuilder("张");
        for (char c = 1; c < 0x20; c++) {
            controls.append(c);
        }
        cases.add(new Case("control characters in a name", "x.xlsx", () -> t.withName(controls + "三"),
                new FirstRow("REJECTED", "E_NAME_FORMAT")));
        cases.add(new Case("U+0000 in a name", "x.xlsx", () -> t.withName("张\u0000三"),
                new FirstRow("REJECTED", "E_NAME_FORMAT")));
        cases.add(new Case("right-to-left override in a name", "x.xlsx", () -> t.withName("张\u202E三"),
                new FirstRow("REJECTED", "E_NAME_FORMAT")));
        cases.add(new Case("zero-width characters in a name (folded away)", "x.xlsx",
                () -> t.withName("张\u200B\u200D三"), new FirstRow("NEW", null)));
        for (String prefix : new String[] {"=", "+", "-", "@"}) {
            cases.add(new Case("text starting with " + prefix + " in every column", "x.xlsx",
                    () -> Workbooks.xlsx(Workbooks.HEADERS, List.of(Workbooks.HEADERS.stream()
                            .map(h -> (Object) (prefix + "HYPERLINK(\"http://evil\",\"x\")")).toList())),
                    new FirstRow("REJECTED", "E_NAME_FORMAT")));
        }
        cases.add(new Case("real formula cells without cached values in every column (blank)", "x.xlsx",
                () -> HostileFiles.editPart(t.valid(), SHEET, xml -> xml.replaceAll(
                        "(<c r=\"[A-L]2\"[^>]*?)( t=\"[a-z]+\")?>.*?</c>", "$1><f>WEBSERVICE(\"http://evil\")</f></c>")),
                new Failed("F_NO_DATA")));
        cases.add(new Case("zip entries ../../evil and /etc/evil", "x.xlsx", () -> HostileFiles.add(t.valid(),
                Map.of("../../evil.sh", utf8("rm -rf /"), "/etc/evil", utf8("x"))), new FirstRow("NEW", null)));
        cases.add(new Case("two zip entries named like the sheet", "x.xlsx", () -> HostileFiles.patchBytes(
                HostileFiles.add(t.valid(), Map.of("xl/worksheets/sheet1.xmZ", utf8("<worksheet/>"))),
                "sheet1.xmZ", "sheet1.xml"), new Failed("F_UNSAFE")));
        cases.add(new Case("a directory where the sheet should be", "x.xlsx", () -> {
            Map<String, byte[]> entries = HostileFiles.entries(t.valid());
            entries.remove(SHEET);
            entries.put(SHEET + "/", new byte[0]);
            return HostileFiles.zip(entries);
        }, new Failed("F_NOT_SPREADSHEET")));
        cases.add(new Case("a truncated zip", "x.xlsx", () -> {
            byte[] valid = t.valid();
            return Arrays.copyOf(valid, valid.length / 2);
        }, new Failed("F_NOT_SPREADSHEET")));
        cases.add(new Case("an empty .xlsx", "x.xlsx", () -> new byte[0], new Refused(415, "F_NOT_SPREADSHEET")));
        cases.add(new Case("an empty .csv", "x.csv", () -> new byte[0], new Refused(415, "F_NOT_SPREADSHEET")));
        cases.add(new Case("a sheet without rows", "x.xlsx", () -> Workbooks.xlsx(List.of(), List.of()),
                new Failed("F_MISSING_COLUMNS")));
        cases.add(new Case("a CSV with a BOM in the middle", "x.csv",
                () -> utf8("\uFEFF" + t.csvHeader() + "\uFEFF" + t.csvRow(t.id())), new FirstRow("NEW", null)));
        cases.add(new Case("a CSV mixing UTF-8 and GB18030", "x.csv", () -> {
            byte[] head = utf8(t.csvHeader());
            byte[] row = t.csvRow(t.id()).getBytes(Charset.forName("GB18030"));
            byte[] both = Arrays.copyOf(head, head.length + row.length);
            System.arraycopy(row, 0, both, head.length, row.length);
            return both;
        }, new Failed("F_MISSING_COLUMNS")));
        cases.add(new Case("a CSV with a NUL byte", "x.csv", () -> utf8(t.csvHeader() + "张\u0000三," + t.csvRow(t.id())),
                new Failed("F_NOT_SPREADSHEET")));
        cases.add(new Case("a CSV whose one line is 10 MB", "x.csv",
                () -> utf8(t.csvHeader().strip() + ",".repeat(10_000_000)), new Failed("F_NO_DATA")));
        cases.add(new Case("a CSV with a 10 MB name", "x.csv",
                () -> utf8(t.csvHeader() + "张".repeat(3_500_000) + t.csvRow(t.id()).substring(2)),
                new FirstRow("REJECTED", "E_NAME_FORMAT")));
        cases.add(new Case("an .xlsx renamed .csv", "members.csv", () -> t.valid(), new FirstRow("NEW", null)));
        cases.add(new Case("a .csv renamed .xlsx", "members.xlsx", () -> utf8(t.csvHeader() + t.csvRow(t.id())),
                new Refused(415, "F_NOT_SPREADSHEET")));
        cases.add(new Case("a chart sheet before the data sheet", "x.xlsx", () -> t.chartSheetFirst(),
                new FirstRow("NEW", null)));
        return cases;
    }

    private void check(Case c) {
        long membersBefore = members();
        Api.Response accepted = api.upload("/api/imports?orgCode=" + tree.districtA(), c.fileName(), c.file().get(), admin);
        assertNoLeak(accepted.body());
        if (c.expect() instanceof Refused refused) {
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(refused.status());
            assertThat(accepted.code()).isEqualTo(refused.code());
            assertThat(members()).isEqualTo(membersBefore);
            return;
        }
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        String processInstanceId = accepted.json().path("processInstanceId").asText();
        managementService.executeJob(managementService.createJobQuery().processInstanceId(processInstanceId)
                .singleResult().getId());
        String upload = accepted.json().path("id").asText();
        JsonNode status = api.get("/api/imports/" + upload, admin).json();
        if (c.expect() instanceof Failed failed) {
            assertThat(status.path("status").asText()).as(status.toString()).isEqualTo("FAILED");
            assertThat(status.path("failureCode").asText()).as(status.toString()).isEqualTo(failed.code());
            assertThat(status.path("failureMessage").asText()).as("a Chinese message").containsPattern("\\p{IsHan}");
            assertNoLeak(status.toString());
            assertThat(api.get("/api/imports/" + upload + "/rows", admin).json().path("totalElements").asLong())
                    .as("nothing staged").isZero();
        } else if (c.expect() instanceof FirstRow row) {
            assertThat(status.path("status").asText()).as(status.toString()).isIn("AWAITING_REVIEW", "NOTHING_TO_APPLY");
            JsonNode first = api.get("/api/imports/" + upload + "/rows?size=1", admin).json().path("content").get(0);
            assertThat(first.path("outcome").asText()).as(first.toString()).isEqualTo(row.outcome());
            if (row.code() != null) {
                List<String> codes = new ArrayList<>();
                first.path("errors").forEach(error -> codes.add(error.path("code").asText()));
                assertThat(codes).as(first.toString()).contains(row.code());
            }
        }
        assertThat(members()).as("the register is unchanged before review").isEqualTo(membersBefore);
    }

    private long members() {
        return api.get("/api/members?size=1&orgCode=" + tree.districtA(), admin).json().path("totalElements").asLong();
    }

    private static void assertNoLeak(String body) {
        assertThat(body).doesNotContain("Exception", "at cn.", "at org.", "java.", "/etc/passwd");
    }

    String id() {
        return IdNumbers.next(LocalDate.of(2001, 4, 5));
    }

    List<Object> row(String name) {
        return new ArrayList<>(Workbooks.member(name, id(), tree.branchA(), "13812345678"));
    }

    byte[] valid() {
        return Workbooks.xlsx(Workbooks.HEADERS, List.of(row("测试")));
    }

    byte[] withName(String name) {
        return Workbooks.xlsx(Workbooks.HEADERS, List.of(row(name)));
    }

    byte[] wide(int columns) {
        List<String> headers = new ArrayList<>(Workbooks.HEADERS);
        while (headers.size() < columns) {
            headers.add("列" + headers.size());
        }
        return Workbooks.xlsx(headers, List.of(row("测试")));
    }

    String csvHeader() {
        return String.join(",", Workbooks.HEADERS) + "\r\n";
    }

    String csvRow(String idNumber) {
        return String.join(",", Workbooks.member("测试", idNumber, tree.branchA(), "13812345678").stream()
                .map(String::valueOf).toList()) + "\r\n";
    }

    /** A chart sheet listed first in workbook.xml, the data sheet second (what Excel writes for a chart tab). */
    byte[] chartSheetFirst() {
        Map<String, byte[]> entries = HostileFiles.entries(valid());
        entries.put("xl/chartsheets/sheet1.xml", utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<chartsheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                + "<sheetViews><sheetView workbookViewId=\"0\"/></sheetViews></chartsheet>"));
        String rels = HostileFiles.text(entries.get(WORKBOOK_RELS)).replace("</Relationships>",
                "<Relationship Id=\"rIdChart\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                        + "relationships/chartsheet\" Target=\"chartsheets/sheet1.xml\"/></Relationships>");
        entries.put(WORKBOOK_RELS, utf8(rels));
        String workbook = HostileFiles.text(entries.get(WORKBOOK)).replace("<sheets>",
                "<sheets><sheet name=\"图表\" sheetId=\"9\" r:id=\"rIdChart\"/>")
                .replace("name=\"团员信息\"", "name=\"数据\"");
        entries.put(WORKBOOK, utf8(workbook));
        String types = HostileFiles.text(entries.get("[Content_Types].xml")).replace("</Types>",
                "<Override PartName=\"/xl/chartsheets/sheet1.xml\" ContentType=\"application/"
                        + "vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml\"/></Types>");
        entries.put("[Content_Types].xml", utf8(types));
        return HostileFiles.zip(entries);
    }

    private static String billionLaughs() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE sst [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        return dtd.append("]>").toString();
    }

    private static String manyStrings(int count) {
        StringBuilder out = new StringBuilder(count * 20);
        for (int i = 0; i < count; i++) {
            out.append("<si><t>").append(Integer.toString(i, 36)).append("</t></si>");
        }
        return out.toString();
    }

    private static String randomLetters(int length) {
        Random random = new Random(7);
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = (char) ('a' + random.nextInt(26));
        }
        return new String(chars);
    }

    private static String emptyRows(int from, int to) {
        StringBuilder out = new StringBuilder((to - from) * 18);
        for (int r = from; r <= to; r++) {
            out.append("<row r=\"").append(r).append("\"/>");
        }
        return out.toString();
    }
}
