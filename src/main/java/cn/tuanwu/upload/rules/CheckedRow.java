package cn.tuanwu.upload.rules;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One data row after the cell and row rules: its values when it breaks none, else every error.
 * Warnings never reject a row.
 *
 * @param rowNumber the row number as Excel shows it
 * @param fields    the normalised values, or null when {@code errors} is not empty
 */
public record CheckedRow(int rowNumber, MemberFields fields, List<RowError> errors, List<RowError> warnings) {

    public CheckedRow {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
        if (!errors.isEmpty()) {
            fields = null;
        } else {
            Objects.requireNonNull(fields, "a row without errors has its fields");
        }
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    /** Codes only: the fields print masked, and messages are left out to keep the line short. */
    @Override
    public String toString() {
        return "CheckedRow[" + rowNumber + ", " + (valid() ? fields : "errors=" + codes(errors))
                + (warnings.isEmpty() ? "" : ", warnings=" + codes(warnings)) + "]";
    }

    private static String codes(List<RowError> list) {
        return list.stream().map(RowError::code).collect(Collectors.joining(",", "[", "]"));
    }
}
