package cn.tuanwu.upload.sheet;

import java.util.Collections;
import java.util.List;

/**
 * A row that is not blank, with its number as Excel shows it (1-based). {@code cells} is indexed by
 * column (0 = A); an empty cell is {@code null}.
 */
public record SheetRow(int rowNumber, List<SheetCell> cells) {

    public SheetRow {
        cells = Collections.unmodifiableList(cells);
    }

    public SheetCell cell(int column) {
        return column >= 0 && column < cells.size() ? cells.get(column) : null;
    }

    /** Never the cells' content. */
    @Override
    public String toString() {
        return "SheetRow[" + rowNumber + "]";
    }
}
