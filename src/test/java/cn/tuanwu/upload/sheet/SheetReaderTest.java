package cn.tuanwu.upload.sheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.function.Consumer;
import java.util.Random;
import java.util.Set;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SheetReaderTest {

    private static final String MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    @TempDir
    Path dir;

    private final SheetReader reader = new SheetReader(ReadLimits.defaults());

    // ---- workbook content -------------------------------------------------------------------

    /** The same member sheet for .xlsx and .xls, so both readers must agree cell by cell. */
    private static void fillMembers(Workbook wb) {
        Sheet sheet = wb.createSheet("Sheet1");
        CellStyle dateStyle = wb.createCellStyle();
        dateStyle.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
        CellStyle chineseDateStyle = wb.createCellStyle();
        chineseDateStyle.setDataFormat((short) 31); // zh-CN built-in yyyy"年"m"月"d"日", no format text

        Row header = sheet.createRow(0);
        String[] headers = {"姓名", "身份证号", "手机号", "入团年月", "出生日期", "公式", "文本公式", "布尔", "错误",
            "中文日期", "小数"};
        for (int i = 0; i < headers.length; i++) {
            header.createCell(i).setCellValue(headers[i]);
        }

        Row first = sheet.createRow(1);
        first.createCell(0).setCellValue(" 张三 ");
        first.createCell(1).setCellValue(110105194912310000d);
        first.createCell(2).setCellValue(13812345678d);
        first.createCell(3).setCellValue(201709d);
        Cell born = first.createCell(4);
        born.setCellValue(LocalDate.of(2001, 9, 1));
        born.setCellStyle(dateStyle);
        first.createCell(5).setCellFormula("2*3");
        first.createCell(6).setCellFormula("CONCATENATE(\"团\",\"员\")");
        first.createCell(7).setCellValue(true);
        first.createCell(8).setCellErrorValue(FormulaError.NA.getCode());
        Cell chineseDate = first.createCell(9);
        chineseDate.setCellValue(LocalDate.of(2017, 9, 1));
        chineseDate.setCellStyle(chineseDateStyle);
        first.createCell(10).setCellValue(1.50d);

        // Row 3: only empty and whitespace cells; row 4: a row with no cells at all.
        Row blank = sheet.createRow(2);
        blank.createCell(0).setCellValue("");
        blank.createCell(1).setCellValue("  \u3000");
        sheet.createRow(3);

        Row second = sheet.createRow(4);
        second.createCell(0).setCellValue("李四");
        Cell dateFormula = second.createCell(4);
        dateFormula.setCellFormula("DATE(2020,1,2)");
        dateFormula.setCellStyle(dateStyle);
        second.createCell(6).setCellValue("   ");

        wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
    }

    private Path workbook(String name, Consumer<Workbook> fill) throws IOException {
        Workbook wb = name.endsWith(".xls") ? new HSSFWorkbook() : new XSSFWorkbook();
        fill.accept(wb);
        return write(name, wb);
    }

    private Path write(String name, Workbook wb) throws IOException {
        Path file = dir.resolve(name);
        try (wb; OutputStream out = Files.newOutputStream(file)) {
            wb.write(out);
        }
        return file;
    }

    private Path bytes(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private List<SheetRow> readAll(Path file, String name) throws UploadFileException {
        return readAll(reader, file, name);
    }

    /** The rows {@link SheetReader#read} gives, after checking that {@link SheetReader#readAhead} gives the same. */
    private static List<SheetRow> readAll(SheetReader reader, Path file, String name) throws UploadFileException {
        List<SheetRow> rows = new ArrayList<>();
        reader.read(file, name, rows::add);
        List<SheetRow> ahead = new ArrayList<>();
        reader.readAhead(file, name, ahead::add);
        assertThat(ahead).as("readAhead gives the rows read gives").isEqualTo(rows);
        return rows;
    }

    private FileFailure failureOf(Path file, String name) {
        return failureOf(reader, file, name);
    }

    private static FileFailure failureOf(SheetReader reader, Path file, String name) {
        UploadFileException e = catchThrowableOfType(UploadFileException.class,
                () -> reader.read(file, name, row -> { }));
        assertThat(e).as("expected the file to be refused").isNotNull();
        assertThat(e.getMessage()).isEqualTo(e.failure().message());
        UploadFileException ahead = catchThrowableOfType(UploadFileException.class,
                () -> reader.readAhead(file, name, row -> { }));
        assertThat(ahead).as("readAhead refuses it too").isNotNull();
        assertThat(ahead.failure()).isEqualTo(e.failure());
        assertThat(ahead.getMessage()).isEqualTo(e.getMessage());
        return e.failure();
    }

    private static SheetCell cell(String text, SheetCell.Kind kind, boolean formula) {
        return new SheetCell(text, kind, null, formula);
    }

    private static List<String> texts(List<SheetRow> rows, int column) {
        return rows.stream().map(r -> r.cell(column) == null ? null : r.cell(column).text()).toList();
    }

    // ---- xlsx and xls -----------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"members.xlsx", "members.xls"})
    void readsCellsAsStoredAndSkipsBlankRows(String name) throws Exception {
        Path file = workbook(name, SheetReaderTest::fillMembers);

        List<SheetRow> rows = readAll(file, name);

        assertThat(rows).extracting(SheetRow::rowNumber).containsExactly(1, 2, 5);
        assertThat(rows.get(0).cell(1)).isEqualTo(SheetCell.text("身份证号"));
        SheetRow first = rows.get(1);
        assertThat(first.cells()).containsExactly(
                SheetCell.text(" 张三 "),
                SheetCell.number("110105194912310000"),
                SheetCell.number("13812345678"),
                SheetCell.number("201709"),
                SheetCell.date(LocalDate.of(2001, 9, 1)),
                cell("6", SheetCell.Kind.NUMBER, true),
                cell("团员", SheetCell.Kind.TEXT, true),
                cell("TRUE", SheetCell.Kind.BOOLEAN, false),
                cell("#N/A", SheetCell.Kind.ERROR, false),
                SheetCell.date(LocalDate.of(2017, 9, 1)),
                SheetCell.number("1.5"));
        SheetRow second = rows.get(2);
        assertThat(second.cell(0)).isEqualTo(SheetCell.text("李四"));
        assertThat(second.cell(1)).isNull();
        assertThat(second.cell(4)).isEqualTo(
                new SheetCell("2020-01-02", SheetCell.Kind.DATE, LocalDate.of(2020, 1, 2), true));
        assertThat(second.cell(6)).as("whitespace is kept in a row that is not blank")
                .isEqualTo(SheetCell.text("   "));
        assertThat(second.cells()).hasSize(7);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hidden.xlsx", "hidden.xls"})
    void skipsHiddenSheets(String name) throws Exception {
        Path file = workbook(name, wb -> {
            wb.createSheet("旧数据").createRow(0).createCell(0).setCellValue("hidden");
            wb.createSheet("模板").createRow(0).createCell(0).setCellValue("visible");
            wb.setActiveSheet(1);
            wb.setSelectedTab(1);
            wb.setSheetHidden(0, true);
        });

        assertThat(texts(readAll(file, name), 0)).containsExactly("visible");
    }

    @ParameterizedTest
    @ValueSource(strings = {"preferred.xlsx", "preferred.xls"})
    void prefersTheSheetNamedForMembers(String name) throws Exception {
        Path file = workbook(name, wb -> {
            wb.createSheet("填表说明").createRow(0).createCell(0).setCellValue("instructions");
            wb.createSheet("团员信息").createRow(3).createCell(0).setCellValue("members");
        });

        List<SheetRow> rows = readAll(file, name);

        assertThat(texts(rows, 0)).containsExactly("members");
        assertThat(rows.get(0).rowNumber()).isEqualTo(4);
    }

    @ParameterizedTest
    @ValueSource(strings = {"wide.xlsx", "wide.xls"})
    void ignoresColumnsBeyondTheLimit(String name) throws Exception {
        Path file = workbook(name, wb -> {
            Sheet sheet = wb.createSheet("s");
            Row row = sheet.createRow(0);
            for (int i = 0; i < 5; i++) {
                row.createCell(i).setCellValue("c" + i);
            }
            sheet.createRow(1).createCell(4).setCellValue("only beyond the limit");
            sheet.createRow(2).createCell(1).setCellValue("back");
        });
        SheetReader narrow = new SheetReader(new ReadLimits(1024 * 1024, 3, 1024 * 1024 * 1024));

        List<SheetRow> rows = readAll(narrow, file, name);

        assertThat(rows).extracting(SheetRow::rowNumber).containsExactly(1, 3);
        assertThat(rows.get(0).cells()).hasSize(3);
        assertThat(texts(rows, 1)).containsExactly("c1", "back");
    }

    @Test
    void readsDatesOfThe1904DateSystem() throws Exception {
        XSSFWorkbook wb = new XSSFWorkbook();
        wb.getCTWorkbook().getWorkbookPr().setDate1904(true);
        CellStyle style = wb.createCellStyle();
        style.setDataFormat(wb.createDataFormat().getFormat("yyyy/m/d"));
        Cell cell = wb.createSheet("s").createRow(0).createCell(0);
        cell.setCellValue(LocalDate.of(2008, 5, 4));
        cell.setCellStyle(style);
        Path file = write("1904.xlsx", wb);

        assertThat(readAll(file, "1904.xlsx").get(0).cell(0)).isEqualTo(SheetCell.date(LocalDate.of(2008, 5, 4)));
    }

    /**
     * 100,000 rows with shared strings, in the layout SXSSF writes. The sheet and the shared strings
     * are streamed into the zip by hand: SXSSF with a shared strings table needs 10–20 s for this on a
     * small CI machine, most of it building POI's in-memory string table.
     */
    @Test
    void readsAHundredThousandRowsStreamed() throws Exception {
        Path template = workbook("big-template.xlsx", wb -> wb.createSheet("团员信息").createRow(0).createCell(0).setCellValue("姓名"));
        Path file = dir.resolve("big.xlsx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            copyEntries(template, zip, Set.of("xl/sharedStrings.xml", "xl/worksheets/sheet1.xml"));
            Writer xml = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
            zip.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
            xml.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"" + MAIN_NS + "\"><si><t>姓名</t></si>");
            for (int i = 0; i < 1000; i++) {
                xml.write("<si><t>团员" + i + "</t></si>");
            }
            xml.write("<si><t>男</t></si><si><t>女</t></si></sst>");
            xml.flush();
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            xml.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"" + MAIN_NS + "\"><sheetData>"
                    + "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>");
            for (int i = 1; i <= 100_000; i++) {
                int r = i + 1;
                xml.write("<row r=\"" + r + "\"><c r=\"A" + r + "\" t=\"s\"><v>" + (1 + i % 1000) + "</v></c>"
                        + "<c r=\"B" + r + "\"><v>" + (13800000000L + i) + "</v></c>"
                        + "<c r=\"C" + r + "\" t=\"s\"><v>" + (i % 2 == 0 ? 1001 : 1002) + "</v></c></row>");
            }
            xml.write("</sheetData></worksheet>");
            xml.flush();
        }

        int[] count = {0};
        SheetRow[] last = {null};
        reader.read(file, "big.xlsx", row -> {
            count[0]++;
            last[0] = row;
        });

        assertThat(count[0]).isEqualTo(100_001);
        assertThat(last[0].rowNumber()).isEqualTo(100_001);
        assertThat(last[0].cells()).containsExactly(
                SheetCell.text("团员0"), SheetCell.number("13800100000"), SheetCell.text("男"));
    }

    // ---- csv --------------------------------------------------------------------------------

    private static final String CSV = "姓名,身份证号,手机号\r\n"
            + "张三,110105194912310000,13812345678\r\n"
            + ",  ,\r\n"
            + "\r\n"
            + "\"李,四\",\"11010519491231001X\"\r\n";

    @ParameterizedTest
    @ValueSource(strings = {"UTF-8", "UTF-8-BOM", "GB18030"})
    void readsCsvInTheEncodingsExcelWrites(String encoding) throws Exception {
        byte[] content = encoding.equals("UTF-8-BOM")
                ? ("\uFEFF" + CSV).getBytes(StandardCharsets.UTF_8)
                : CSV.getBytes(Charset.forName(encoding));
        Path file = bytes("members.CSV", content);

        List<SheetRow> rows = readAll(file, "members.CSV");

        assertThat(rows).extracting(SheetRow::rowNumber).containsExactly(1, 2, 5);
        assertThat(rows.get(0).cells()).containsExactly(
                SheetCell.text("姓名"), SheetCell.text("身份证号"), SheetCell.text("手机号"));
        assertThat(rows.get(1).cells()).containsExactly(
                SheetCell.text("张三"), SheetCell.text("110105194912310000"), SheetCell.text("13812345678"));
        assertThat(rows.get(2).cells()).containsExactly(SheetCell.text("李,四"), SheetCell.text("11010519491231001X"));
    }

    @Test
    void refusesBinaryNamedCsv() throws Exception {
        byte[] random = new byte[4096];
        new Random(7).nextBytes(random);
        random[100] = 0;

        assertThat(failureOf(bytes("x.csv", random), "x.csv")).isEqualTo(FileFailure.F_NOT_SPREADSHEET);
    }

    // ---- refused files ----------------------------------------------------------------------

    @Test
    void refusesARenamedPdf() throws Exception {
        Path file = bytes("x.xlsx", "%PDF-1.4\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThat(failureOf(file, "x.xlsx")).isEqualTo(FileFailure.F_NOT_SPREADSHEET);
    }

    @ParameterizedTest
    @ValueSource(strings = {"empty.xlsx", "empty.csv"})
    void refusesAnEmptyFile(String name) throws Exception {
        assertThat(failureOf(bytes(name, new byte[0]), name)).isEqualTo(FileFailure.F_NOT_SPREADSHEET);
    }

    @Test
    void refusesATruncatedXlsx() throws Exception {
        byte[] whole = Files.readAllBytes(workbook("whole.xlsx", SheetReaderTest::fillMembers));

        Path half = bytes("half.xlsx", Arrays.copyOf(whole, whole.length / 2));

        assertThat(failureOf(half, "half.xlsx")).isEqualTo(FileFailure.F_NOT_SPREADSHEET);
    }

    @Test
    void refusesAZipThatIsNotAWorkbook() throws Exception {
        Path file = dir.resolve("notes.xlsx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("notes.txt"));
            zip.write("hello".getBytes(StandardCharsets.UTF_8));
        }

        assertThat(failureOf(file, "notes.xlsx")).isEqualTo(FileFailure.F_NOT_SPREADSHEET);
    }

    @Test
    void refusesAnEncryptedXlsx() throws Exception {
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            fillMembers(wb);
            wb.write(plain);
        }
        Path file = dir.resolve("secret.xlsx");
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword("团委2024");
            try (OutputStream out = encryptor.getDataStream(fs)) {
                out.write(plain.toByteArray());
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                fs.writeFilesystem(out);
            }
        }

        assertThat(failureOf(file, "secret.xlsx")).isEqualTo(FileFailure.F_ENCRYPTED);
    }

    @Test
    void refusesAnEncryptedXls() throws Exception {
        Path file;
        Biff8EncryptionKey.setCurrentUserPassword("团委2024");
        try {
            file = workbook("secret.xls", SheetReaderTest::fillMembers);
        } finally {
            Biff8EncryptionKey.setCurrentUserPassword(null);
        }

        assertThat(failureOf(file, "secret.xls")).isEqualTo(FileFailure.F_ENCRYPTED);
    }

    @Test
    void refusesAFileOverTheSizeLimit() throws Exception {
        Path file = workbook("members.xlsx", SheetReaderTest::fillMembers);
        SheetReader small = new SheetReader(new ReadLimits(Files.size(file) - 1, 256, 1024 * 1024 * 1024));

        assertThat(failureOf(small, file, "members.xlsx")).isEqualTo(FileFailure.F_TOO_LARGE);
    }

    // ---- hostile zips -----------------------------------------------------------------------

    /** An .xlsx-shaped zip whose sheet inflates to 200 MB of one byte, written without holding it. */
    @Test
    void refusesAZipBomb() throws Exception {
        Path file = dir.resolve("bomb.xlsx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            copyEntries(workbook("template.xlsx", wb -> wb.createSheet("s")), zip, Set.of("xl/worksheets/sheet1.xml"));
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] chunk = new byte[1024 * 1024];
            Arrays.fill(chunk, (byte) ' ');
            for (int i = 0; i < 200; i++) {
                zip.write(chunk);
            }
        }
        assertThat(Files.size(file)).isLessThan(1024 * 1024);

        assertThat(failureOf(file, "bomb.xlsx")).isEqualTo(FileFailure.F_UNSAFE);
    }

    @Test
    void refusesMoreInflatedBytesThanTheLimit() throws Exception {
        Path file = workbook("members.xlsx", SheetReaderTest::fillMembers);
        SheetReader strict = new SheetReader(new ReadLimits(50 * 1024 * 1024, 256, 1024));

        assertThat(failureOf(strict, file, "members.xlsx")).isEqualTo(FileFailure.F_UNSAFE);
    }

    @Test
    void refusesTooManyZipEntries() throws Exception {
        Path file = dir.resolve("many.xlsx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            copyEntries(workbook("template.xlsx", wb -> wb.createSheet("s")), zip, Set.of());
            for (int i = 0; i < ZipSafety.MAX_ENTRIES; i++) {
                zip.putNextEntry(new ZipEntry("xl/media/pad" + i + ".txt"));
            }
        }

        assertThat(failureOf(file, "many.xlsx")).isEqualTo(FileFailure.F_UNSAFE);
    }

    @Test
    void neverResolvesExternalEntities() throws Exception {
        Path secret = bytes("secret.txt", "SECRET-身份证-110105194912310000".getBytes(StandardCharsets.UTF_8));
        String sheet = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>x&xxe;</t></is></c></row>"
                + "</sheetData></worksheet>";
        Path file = withSheetXml("xxe.xlsx", sheet);

        List<SheetRow> rows = new ArrayList<>();
        try {
            reader.read(file, "xxe.xlsx", rows::add);
        } catch (UploadFileException e) {
            assertThat(e.failure()).isIn(FileFailure.F_UNSAFE, FileFailure.F_NOT_SPREADSHEET);
            assertThat(e.getMessage()).doesNotContain("SECRET");
        }
        assertThat(rows).allSatisfy(row -> assertThat(row.cells())
                .allSatisfy(c -> assertThat(c == null ? "" : c.text()).doesNotContain("SECRET")));
        assertThat(failureOf(file, "xxe.xlsx")).isEqualTo(FileFailure.F_UNSAFE);
    }

    @Test
    void refusesACellReferenceFarBeyondExcelsLastColumn() throws Exception {
        String sheet = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><x:sheetData>"
                + "<x:row r=\"1\"><x:c  t=\"n\" r=\"FXSHRXW1\"><x:v>1</x:v></x:c></x:row>"
                + "</x:sheetData></x:worksheet>";

        assertThat(failureOf(withSheetXml("wide.xlsx", sheet), "wide.xlsx")).isEqualTo(FileFailure.F_UNSAFE);
    }

    @Test
    void readsInlineStringsOfAHandWrittenSheet() throws Exception {
        String sheet = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                + "<row r=\"2\"><c r=\"XFD2\" t=\"inlineStr\"><is><t>边</t></is></c>"
                + "<c r=\"$B$2\" t=\"inlineStr\"><is><t>中</t></is></c></row>"
                + "</sheetData></worksheet>";

        List<SheetRow> rows = readAll(withSheetXml("inline.xlsx", sheet), "inline.xlsx");

        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).rowNumber()).isEqualTo(2);
        assertThat(rows.get(0).cells()).hasSize(2).last().isEqualTo(SheetCell.text("中"));
    }

    /** A real .xlsx from POI with its first sheet's XML replaced. */
    private Path withSheetXml(String name, String sheetXml) throws IOException {
        Path template = workbook("template-" + name, wb -> wb.createSheet("s").createRow(0).createCell(0).setCellValue("a"));
        Path file = dir.resolve(name);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            copyEntries(template, zip, Set.of("xl/worksheets/sheet1.xml"));
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            zip.write(sheetXml.getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    private static void copyEntries(Path source, ZipOutputStream zip, Set<String> except) throws IOException {
        try (ZipFile in = new ZipFile(source.toFile())) {
            Enumeration<? extends ZipEntry> entries = in.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (except.contains(entry.getName())) {
                    continue;
                }
                zip.putNextEntry(new ZipEntry(entry.getName()));
                try (InputStream data = in.getInputStream(entry)) {
                    data.transferTo(zip);
                }
            }
        }
    }

    // ---- the handler ------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"members.xlsx", "members.xls", "members.csv"})
    void theHandlerStopsReadingWithItsOwnException(String name) throws Exception {
        Path file = name.endsWith(".csv")
                ? bytes(name, CSV.getBytes(StandardCharsets.UTF_8))
                : workbook(name, SheetReaderTest::fillMembers);
        UploadFileException tooMany = new UploadFileException(FileFailure.F_TOO_MANY_ROWS);
        List<SheetRow> seen = new ArrayList<>();

        assertThatThrownBy(() -> reader.read(file, name, row -> {
            seen.add(row);
            if (seen.size() == 2) {
                throw tooMany;
            }
        })).isSameAs(tooMany);
        assertThat(seen).hasSize(2);

        List<SheetRow> seenAhead = new ArrayList<>();
        assertThatThrownBy(() -> reader.readAhead(file, name, row -> {
            seenAhead.add(row);
            if (seenAhead.size() == 2) {
                throw tooMany;
            }
        })).isSameAs(tooMany);
        assertThat(seenAhead).isEqualTo(seen);
    }

    @Test
    void aBugInTheHandlerIsNotReportedAsABrokenFile() throws Exception {
        Path file = workbook("members.xlsx", SheetReaderTest::fillMembers);
        IllegalStateException bug = new IllegalStateException("bug");

        assertThatThrownBy(() -> reader.read(file, "members.xlsx", row -> {
            throw bug;
        })).isSameAs(bug);
        assertThatThrownBy(() -> reader.readAhead(file, "members.xlsx", row -> {
            throw bug;
        })).isSameAs(bug);
    }

    @Test
    void readingAheadStopsWithTheHandlerAndLetsGoOfTheFile() throws Exception {
        StringBuilder csv = new StringBuilder("姓名,手机号\r\n");
        for (int i = 0; i < 200_000; i++) {
            csv.append("团员").append(i).append(",138").append(i).append("\r\n");
        }
        Path file = bytes("many.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        UploadFileException tooMany = new UploadFileException(FileFailure.F_TOO_MANY_ROWS);
        int[] seen = {0};
        Set<Thread> before = Thread.getAllStackTraces().keySet();

        assertThatThrownBy(() -> reader.readAhead(file, "many.csv", row -> {
            if (++seen[0] == 10) {
                throw tooMany;
            }
        })).isSameAs(tooMany);

        assertThat(seen[0]).isEqualTo(10);
        assertThat(Thread.getAllStackTraces().keySet()).as("the reading thread has ended")
                .noneMatch(thread -> !before.contains(thread) && thread.getName().equals("sheet-read-ahead"));
        Files.delete(file);
    }

    @Test
    void rowsAndCellsNeverPrintTheirContent() throws Exception {
        SheetRow row = readAll(workbook("members.xlsx", SheetReaderTest::fillMembers), "members.xlsx").get(1);

        assertThat(row.toString()).doesNotContain("张三").doesNotContain("1101");
    }
}
