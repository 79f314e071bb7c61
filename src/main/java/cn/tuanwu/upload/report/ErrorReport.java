package cn.tuanwu.upload.report;

import cn.tuanwu.shared.CellText;
import cn.tuanwu.upload.report.ReportStyles.Kind;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The error report of one upload ({@code errors.xlsx}): the uploaded columns as they were, then
 * 行号, 结果 and 错误说明, with the wrong cells highlighted. It is what an organisation admin fixes
 * and uploads again.
 *
 * <p>Streams: only a small window of rows is in memory and the rest waits in a compressed temporary
 * file, so a 500,000-row upload costs the same memory as a small one. {@link #close()} deletes the
 * temporary file; use it in try-with-resources.
 *
 * <p>Every text is written as a string cell, never as a formula, and text that Excel would read as
 * a formula on editing gets the quote prefix, so the report can never run anything an uploader
 * typed.
 */
public final class ErrorReport implements AutoCloseable {

    static final String SHEET_NAME = "错误报告";
    static final List<String> OWN_HEADERS = List.of("行号", "结果", "错误说明");
    private static final int ROW_WINDOW = 100;

    private final SXSSFWorkbook workbook;
    private final SXSSFSheet sheet;
    private final ReportStyles styles;
    private final int uploadedColumns;
    private int nextRow = 1;
    private boolean finished;

    /** One broken rule; {@code columnIndex} indexes the uploaded headers, null for a whole-row rule. */
    public record ReportedError(String code, String message, Integer columnIndex) {

        /** "CODE：message", as 错误说明 shows it. */
        String describe() {
            String text = message == null ? "" : message;
            return code == null || code.isEmpty() ? text : code + "：" + text;
        }
    }

    public ErrorReport(List<String> uploadedHeaders) {
        List<String> headers = new ArrayList<>(uploadedHeaders);
        uploadedColumns = headers.size();
        headers.addAll(OWN_HEADERS);
        // Inline strings rather than a shared-strings table, whose size would grow with the file.
        workbook = new SXSSFWorkbook(null, ROW_WINDOW, true, false);
        try {
            sheet = workbook.createSheet(SHEET_NAME);
            styles = new ReportStyles(workbook);
            Row row = sheet.createRow(0);
            for (int i = 0; i < headers.size(); i++) {
                text(row, i, headers.get(i), Kind.HEADER);
            }
            for (int i = 0; i < uploadedColumns; i++) {
                sheet.setColumnWidth(i, width(headers.get(i)) * 256);
                sheet.setDefaultColumnStyle(i, styles.of(Kind.UPLOADED, false));
            }
            sheet.setColumnWidth(uploadedColumns, 8 * 256);
            sheet.setColumnWidth(uploadedColumns + 1, 10 * 256);
            sheet.setColumnWidth(uploadedColumns + 2, 60 * 256);
            sheet.createFreezePane(0, 1);
        } catch (RuntimeException e) {
            try {
                workbook.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** About wide enough for the header, counting a Chinese character as two. */
    private static int width(String header) {
        int width = 0;
        String text = header == null ? "" : header;
        for (int i = 0; i < text.length() && width < 40; i++) {
            width += text.charAt(i) < 0x2E80 ? 1 : 2;
        }
        return Math.max(10, Math.min(40, width + 2));
    }

    /**
     * Appends one uploaded row. Cells beyond the uploaded headers are left out: they have no
     * column a re-upload would read.
     */
    public void row(int rowNumber, List<String> uploadedCells, String outcome, List<ReportedError> errors) {
        if (finished) {
            throw new IllegalStateException("the error report has already been written or closed");
        }
        BitSet wrong = new BitSet(uploadedColumns);
        StringBuilder messages = new StringBuilder();
        for (ReportedError error : errors) {
            Integer column = error.columnIndex();
            if (column != null && column >= 0 && column < uploadedColumns) {
                wrong.set(column);
            }
            if (!messages.isEmpty()) {
                messages.append('\n');
            }
            messages.append(error.describe());
        }

        Row row = sheet.createRow(nextRow++);
        List<String> cells = uploadedCells == null ? List.of() : uploadedCells;
        for (int i = 0; i < uploadedColumns; i++) {
            String value = i < cells.size() ? cells.get(i) : null;
            Kind kind = wrong.get(i) ? Kind.WRONG : Kind.UPLOADED;
            if (value != null) {
                text(row, i, value, kind);
            } else if (kind == Kind.WRONG) {
                // A blank required cell is the mistake: show where it is.
                row.createCell(i).setCellStyle(styles.of(kind, false));
            }
        }
        Cell number = row.createCell(uploadedColumns);
        number.setCellValue(rowNumber);
        number.setCellStyle(styles.of(Kind.PLAIN, false));
        text(row, uploadedColumns + 1, outcome, Kind.PLAIN);
        text(row, uploadedColumns + 2, messages.toString(), Kind.MESSAGES);
    }

    private void text(Row row, int column, String raw, Kind kind) {
        String value = CellText.clean(raw);
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(styles.of(kind, CellText.looksLikeFormula(value)));
    }

    /** Writes the workbook; no rows can be added afterwards. */
    public void writeTo(OutputStream out) {
        if (finished) {
            throw new IllegalStateException("the error report has already been written or closed");
        }
        finished = true;
        try {
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the error report", e);
        }
    }

    /** Deletes the temporary file that holds the rows. */
    @Override
    public void close() {
        finished = true;
        try {
            workbook.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the error report's temporary file", e);
        }
    }
}
