package cn.tuanwu.upload.rules;

import cn.tuanwu.upload.sheet.SheetCell;
import cn.tuanwu.upload.sheet.SheetRow;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The cells of one row by column, and the errors found so far. Reading a cell already reports what
 * no column's rule can use: a blank required cell, a formula error, a TRUE/FALSE cell.
 */
final class RowCells {

    private final SheetRow row;
    private final ColumnMap columns;
    private final List<RowError> errors = new ArrayList<>();
    private final List<RowError> warnings = new ArrayList<>();
    private final Set<Column> failed = EnumSet.noneOf(Column.class);

    RowCells(SheetRow row, ColumnMap columns) {
        this.row = row;
        this.columns = columns;
    }

    /** The cell with something a rule can read, or null when it is blank or unusable (reported). */
    SheetCell usable(Column column) {
        SheetCell cell = row.cell(columns.indexOf(column));
        if (cell == null || cell.kind() == SheetCell.Kind.TEXT && Text.fold(cell.text()).isEmpty()) {
            if (column.required()) {
                error(RowErrors.required(column));
            }
            return null;
        }
        return switch (cell.kind()) {
            case ERROR -> {
                error(RowErrors.formulaError(column, cell.text()));
                yield null;
            }
            case BOOLEAN -> {
                error(RowErrors.booleanCell(column));
                yield null;
            }
            default -> cell;
        };
    }

    /** The folded text of a usable cell, else null. */
    String text(Column column) {
        SheetCell cell = usable(column);
        return cell == null ? null : Text.fold(cell.text());
    }

    /** Whether the column's cell had an error, so that it is not blank and takes no default. */
    boolean failed(Column column) {
        return failed.contains(column);
    }

    void error(RowError error) {
        errors.add(error);
        if (error.column() != null) {
            failed.add(error.column());
        }
    }

    void warning(RowError warning) {
        warnings.add(warning);
    }

    boolean hasErrors() {
        return !errors.isEmpty();
    }

    CheckedRow result(MemberFields fields) {
        return new CheckedRow(row.rowNumber(), errors.isEmpty() ? fields : null, errors, warnings);
    }
}
