package cn.tuanwu.upload.sheet;

import java.util.Arrays;

/**
 * Collects the cells of one row at a time, drops the columns past the limit and the blank rows,
 * and hands the rest to the caller's handler. One instance per read; reuses its buffer so memory
 * stays constant however many rows the sheet has.
 */
final class RowEmitter {

    /**
     * Excel's own limit on a cell's text. Longer text cannot come from Excel; it is cut here so that a
     * crafted 30 MB cell cannot make the staged row too large to store, read back or report.
     */
    static final int MAX_CELL_CHARS = 32_767;

    private final SheetRowHandler handler;
    private final SheetCell[] cells;
    private int rowNumber;
    private int width;
    private boolean blank;

    RowEmitter(int maxColumns, SheetRowHandler handler) {
        this.handler = handler;
        this.cells = new SheetCell[maxColumns];
    }

    void begin(int rowNumber) {
        this.rowNumber = rowNumber;
        this.width = 0;
        this.blank = true;
    }

    void cell(int column, SheetCell cell) {
        if (cell == null || column < 0 || column >= cells.length) {
            return;
        }
        if (cell.kind() == SheetCell.Kind.TEXT && cell.text().isEmpty()) {
            return;
        }
        cells[column] = cell.text() != null && cell.text().length() > MAX_CELL_CHARS
                ? new SheetCell(cell.text().substring(0, MAX_CELL_CHARS), cell.kind(), cell.date(), cell.formula())
                : cell;
        width = Math.max(width, column + 1);
        if (cell.kind() != SheetCell.Kind.TEXT || !isBlank(cell.text())) {
            blank = false;
        }
    }

    void end() throws UploadFileException {
        SheetCell[] row = Arrays.copyOf(cells, width);
        Arrays.fill(cells, 0, width, null);
        if (blank) {
            return;
        }
        try {
            handler.row(new SheetRow(rowNumber, Arrays.asList(row)));
        } catch (RuntimeException e) {
            throw new HandlerFailure(e);
        }
    }

    /** Whitespace includes the full-width space (U+3000) and the no-break space people paste in. */
    static boolean isBlank(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                return false;
            }
        }
        return true;
    }
}
