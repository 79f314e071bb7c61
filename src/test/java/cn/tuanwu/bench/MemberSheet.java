package cn.tuanwu.bench;

import cn.tuanwu.shared.IdNumber;
import cn.tuanwu.support.Workbooks;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A generated member file of any size, written as Excel saves it: every text in the shared-strings
 * table, cells pointing at it by index, ID and phone columns formatted as text. The zip parts are
 * written directly because POI's SXSSF with shared strings takes minutes for a million rows.
 *
 * <p>Rows are a pure function of their index, so the floor write can produce the same values again
 * without holding the file in memory. The repeated texts (column values, names, organisation codes)
 * come first in the table and each row's ID number and phone follow, two entries per row, which
 * keeps the writer's memory constant.
 */
public final class MemberSheet {

    private static final String[] SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余"
            .split("");
    private static final String[] GIVEN = ("伟 芳 娜 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 秀英 霞 平 刚 桂英 华 玉兰 萍 "
            + "鑫 婷 宇 浩 凯 健 俊 帆 帅 旭 宁 龙 林 欢 阳 建华 亮 成 畅 建 峰 建国 辉 博文 思远").split(" ");
    private static final LocalDate FIRST_BIRTH_DATE = LocalDate.of(2000, 1, 1);
    /** Birth dates cycle over ten years, so everyone is between 16 and 26 in 2026. */
    private static final int BIRTH_DAYS = 3650;
    private static final String CHECK_CHARACTERS = "0123456789X";

    private final int rows;
    private final String region;
    private final List<String> orgCodes;
    private final boolean tenPercentInvalid;
    private final Map<String, Integer> common = new LinkedHashMap<>();

    /**
     * @param region            six digits starting with a valid province code; files with different
     *                          regions share no ID number
     * @param tenPercentInvalid every tenth row broken: wrong check character or a bad phone, by turns
     */
    public MemberSheet(int rows, String region, List<String> orgCodes, boolean tenPercentInvalid) {
        this.rows = rows;
        this.region = region;
        this.orgCodes = List.copyOf(orgCodes);
        this.tenPercentInvalid = tenPercentInvalid;
        Workbooks.HEADERS.forEach(this::common);
        List.of("汉族", "共青团员", "本科", "团员", "补录").forEach(this::common);
        this.orgCodes.forEach(this::common);
        for (String surname : SURNAMES) {
            for (String given : GIVEN) {
                common(surname + given);
            }
        }
        for (int year = 2015; year <= 2024; year++) {
            common(year + "-05");
        }
    }

    /** One generated row's values, as the file holds them. */
    public record Values(String name, String idNumber, LocalDate birthDate, String joined, String phone,
                         String orgCode) {

        /** 17th digit odd = 男 (the gender cell is left blank, as the standard allows). */
        public String gender() {
            return (idNumber.charAt(16) - '0') % 2 == 1 ? "MALE" : "FEMALE";
        }
    }

    public int rows() {
        return rows;
    }

    public boolean invalid(int index) {
        return tenPercentInvalid && index % 10 == 9;
    }

    public Values row(int index) {
        LocalDate birth = FIRST_BIRTH_DATE.plusDays(index % BIRTH_DAYS);
        String body = region + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", index / BIRTH_DAYS);
        char check = IdNumber.checkCharacter(body);
        String phone = "139" + String.format("%08d", index);
        if (invalid(index)) {
            if ((index / 10) % 2 == 0) {
                check = CHECK_CHARACTERS.charAt((CHECK_CHARACTERS.indexOf(check) + 1) % CHECK_CHARACTERS.length());
            } else {
                phone = "12" + String.format("%09d", index);
            }
        }
        String name = SURNAMES[index % SURNAMES.length] + GIVEN[(index / SURNAMES.length) % GIVEN.length];
        return new Values(name, body + check, birth, (birth.getYear() + 15) + "-05", phone,
                orgCodes.get(index % orgCodes.size()));
    }

    public void write(Path file) {
        try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
             ZipOutputStream zip = new ZipOutputStream(raw)) {
            part(zip, "[Content_Types].xml", CONTENT_TYPES);
            part(zip, "_rels/.rels", ROOT_RELS);
            part(zip, "xl/workbook.xml", WORKBOOK);
            part(zip, "xl/_rels/workbook.xml.rels", WORKBOOK_RELS);
            part(zip, "xl/styles.xml", STYLES);
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            Writer sheet = writer(zip);
            writeSheet(sheet);
            sheet.flush();
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
            Writer strings = writer(zip);
            writeSharedStrings(strings);
            strings.flush();
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeSheet(Writer out) throws IOException {
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                + "<dimension ref=\"A1:L" + (rows + 1) + "\"/><sheetData>");
        out.write("<row r=\"1\" spans=\"1:12\">");
        for (int c = 0; c < Workbooks.HEADERS.size(); c++) {
            cell(out, c, 1, 0, common.get(Workbooks.HEADERS.get(c)));
        }
        out.write("</row>");
        int base = common.size();
        for (int i = 0; i < rows; i++) {
            Values v = row(i);
            int r = i + 2;
            out.write("<row r=\"" + r + "\" spans=\"1:12\">");
            // Template order; 性别 (C) and 团内职务 (K) blank, which Excel does not write at all.
            cell(out, 0, r, 0, common.get(v.name()));
            cell(out, 1, r, 1, base + 2 * i);
            cell(out, 3, r, 0, common.get("汉族"));
            cell(out, 4, r, 0, common.get("共青团员"));
            cell(out, 5, r, 0, common.get("本科"));
            cell(out, 6, r, 0, common.get(v.joined()));
            cell(out, 7, r, 1, base + 2 * i + 1);
            cell(out, 8, r, 0, common.get(v.orgCode()));
            cell(out, 9, r, 0, common.get("团员"));
            cell(out, 11, r, 0, common.get("补录"));
            out.write("</row>");
        }
        out.write("</sheetData></worksheet>");
    }

    private static void cell(Writer out, int column, int row, int style, int sharedIndex) throws IOException {
        out.write("<c r=\"");
        out.write((char) ('A' + column));
        out.write(Integer.toString(row));
        out.write(style == 0 ? "\" t=\"s\"><v>" : "\" s=\"1\" t=\"s\"><v>");
        out.write(Integer.toString(sharedIndex));
        out.write("</v></c>");
    }

    private void writeSharedStrings(Writer out) throws IOException {
        int unique = common.size() + 2 * rows;
        int references = Workbooks.HEADERS.size() + 10 * rows;
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"" + references
                + "\" uniqueCount=\"" + unique + "\">");
        for (String text : common.keySet()) {
            si(out, text);
        }
        for (int i = 0; i < rows; i++) {
            Values v = row(i);
            si(out, v.idNumber());
            si(out, v.phone());
        }
        out.write("</sst>");
    }

    /** Generated texts need no escaping: digits, letters, CJK, '-' and the org codes. */
    private static void si(Writer out, String text) throws IOException {
        out.write("<si><t>");
        out.write(text);
        out.write("</t></si>");
    }

    private void common(String text) {
        common.putIfAbsent(text, common.size());
    }

    private static Writer writer(ZipOutputStream zip) {
        return new java.io.BufferedWriter(new OutputStreamWriter(new NonClosing(zip), StandardCharsets.UTF_8), 1 << 16);
    }

    private static void part(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /** Lets a part's writer flush without closing the zip. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() {
        }
    }

    private static final String CONTENT_TYPES = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\
            <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
            <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
            <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
            <Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>\
            </Types>""";

    private static final String ROOT_RELS = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
            </Relationships>""";

    private static final String WORKBOOK = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
            <sheets><sheet name="团员信息" sheetId="1" r:id="rId1"/></sheets></workbook>""";

    private static final String WORKBOOK_RELS = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
            <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
            <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>\
            </Relationships>""";

    /** Style 0 General, style 1 Text (@, built-in 49): how the template formats the ID and phone columns. */
    private static final String STYLES = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
            <fonts count="1"><font><sz val="11"/><name val="等线"/></font></fonts>\
            <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
            <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
            <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
            <cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
            <xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>\
            </styleSheet>""";
}
