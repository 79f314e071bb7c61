package cn.tuanwu.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Upload files for tests, written the way Excel writes them. */
public final class Workbooks {

    public static final List<String> HEADERS = List.of("姓名", "身份证号", "性别", "民族", "政治面貌", "学历", "入团年月",
            "手机号码", "所在团组织编码", "人员类别", "团内职务", "增加类型");

    private Workbooks() {
    }

    /** A valid member row in template order, joined the league in May of the year they turned 15. */
    public static List<Object> member(String name, String idNumber, String orgCode, String phone) {
        int joined = Integer.parseInt(idNumber.substring(6, 10)) + 15;
        return List.of(name, idNumber, "", "汉族", "共青团员", "本科", joined + "-05", phone, orgCode, "团员", "", "补录");
    }

    public static byte[] xlsx(List<String> headers, List<List<Object>> rows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("团员信息");
            Row header = sheet.createRow(0);
            for (int i = 0; i < headers.size(); i++) {
                header.createCell(i).setCellValue(headers.get(i));
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                List<Object> values = rows.get(r);
                for (int c = 0; c < values.size(); c++) {
                    Object value = values.get(c);
                    if (value instanceof Number number) {
                        row.createCell(c).setCellValue(number.doubleValue());
                    } else if (value != null && !value.toString().isEmpty()) {
                        row.createCell(c).setCellValue(value.toString());
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
