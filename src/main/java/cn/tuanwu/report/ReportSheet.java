package cn.tuanwu.report;

import cn.tuanwu.shared.CellText;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * One streamed sheet of a report: a bold, frozen header row, then rows of text, counts and
 * percentages. Only {@link #ROW_WINDOW} rows are in memory; the rest wait in a compressed temporary
 * file that {@link #close()} deletes.
 *
 * <p>Text is always a string cell, and text Excel would read as a formula on editing gets the quote
 * prefix, so a name like {@code =HYPERLINK(…)} stays a name.
 */
final class ReportSheet implements AutoCloseable {

    static final int ROW_WINDOW = 100;

    private final SXSSFWorkbook workbook;
    private final SXSSFSheet sheet;
    private final CellStyle text;
    private final CellStyle quoted;
    private final CellStyle bold;
    private final CellStyle boldQuoted;
    private final CellStyle count;
    private final CellStyle boldCount;
    private final CellStyle percent;
    private final CellStyle boldPercent;
    private int nextRow;

    ReportSheet(String sheetName) {
        // Inline strings rather than a shared-strings table, whose size would grow with the rows.
        workbook = new SXSSFWorkbook(null, ROW_WINDOW, true, false);
        try {
            sheet = workbook.createSheet(sheetName);
            Font boldFont = workbook.createFont();
            boldFont.setBold(true);
            text = style(null, false, "@");
            quoted = style(null, true, "@");
            bold = style(boldFont, false, "@");
            boldQuoted = style(boldFont, true, "@");
            count = style(null, false, "0");
            boldCount = style(boldFont, false, "0");
            percent = style(null, false, "0.00%");
            boldPercent = style(boldFont, false, "0.00%");
        } catch (RuntimeException e) {
            closeQuietly(e);
            throw e;
        }
    }

    private CellStyle style(Font font, boolean quotePrefixed, String format) {
        CellStyle style = workbook.createCellStyle();
        if (font != null) {
            style.setFont(font);
        }
        style.setQuotePrefixed(quotePrefixed);
        style.setDataFormat((short) BuiltinFormats.getBuiltinFormat(format));
        return style;
    }

    /** A line above the table (a title), in bold. */
    void title(String value) {
        Row row = sheet.createRow(nextRow++);
        text(row, 0, value, true);
    }

    /** The header row, frozen so that it stays in view; widths in characters, a Chinese character counting two. */
    void header(List<String> headers, List<Integer> widths) {
        Row row = sheet.createRow(nextRow++);
        for (int i = 0; i < headers.size(); i++) {
            text(row, i, headers.get(i), true);
            sheet.setColumnWidth(i, widths.get(i) * 256);
        }
        sheet.createFreezePane(0, nextRow);
    }

    /** A new row; {@code emphasised} makes every cell bold (the totals). */
    Line line(boolean emphasised) {
        return new Line(sheet.createRow(nextRow++), emphasised);
    }

    private void text(Row row, int column, String raw, boolean emphasised) {
        String value = CellText.clean(raw);
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        boolean formulaLike = CellText.looksLikeFormula(value);
        cell.setCellStyle(emphasised ? (formulaLike ? boldQuoted : bold) : (formulaLike ? quoted : text));
    }

    /** Writes the workbook; call once, after the last row. */
    void writeTo(OutputStream out) {
        try {
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the report", e);
        }
    }

    @Override
    public void close() {
        try {
            workbook.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the report's temporary file", e);
        }
    }

    private void closeQuietly(RuntimeException cause) {
        try {
            workbook.close();
        } catch (IOException suppressed) {
            cause.addSuppressed(suppressed);
        }
    }

    /** The cells of one row, left to right. */
    final class Line {

        private final Row row;
        private final boolean emphasised;
        private int column;

        private Line(Row row, boolean emphasised) {
            this.row = row;
            this.emphasised = emphasised;
        }

        Line text(String value) {
            ReportSheet.this.text(row, column++, value, emphasised);
            return this;
        }

        Line count(long value) {
            Cell cell = row.createCell(column++);
            cell.setCellValue(value);
            cell.setCellStyle(emphasised ? boldCount : count);
            return this;
        }

        /** A fraction (0.6667) shown as a percentage (66.67%). */
        Line percent(double fraction) {
            Cell cell = row.createCell(column++);
            cell.setCellValue(fraction);
            cell.setCellStyle(emphasised ? boldPercent : percent);
            return this;
        }

        Line skip() {
            column++;
            return this;
        }
    }
}
